package dev.stepwise.security;

import dev.stepwise.asl.Json;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the console's script does, with a plain HTTP client that keeps cookies (and, unless told
 * otherwise, follows redirects) as a browser would: it asks how it is signed in, then sends the
 * CSRF token with each change.
 */
final class ConsoleBrowser {
  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private Map<String, Object> login = Map.of();

  ConsoleBrowser(String base, HttpClient.Redirect redirects) {
    this.base = base;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(redirects).build();
  }

  HttpResponse<String> get(String pathOrUrl) throws Exception {
    return client.send(
        request(pathOrUrl).header("Accept", "application/json, text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A GET whose body is left unread (an event stream does not end). */
  HttpResponse<InputStream> open(String path) throws Exception {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  /** A POST of JSON, with the CSRF token the login handed out or without it. */
  HttpResponse<String> post(String path, String json, boolean withCsrf) throws Exception {
    var request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (withCsrf) {
      @SuppressWarnings("unchecked")
      var csrf = (Map<String, String>) login.get("csrf");
      request.header(csrf.get("header"), csrf.get("token"));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Asks how the console is signed in (mode, name, roles, CSRF token). */
  void refreshLogin() throws Exception {
    var answer = get("/console/api/login");
    if (answer.statusCode() != 200) throw new AssertionError("not signed in: " + answer.body());
    login = json(answer.body());
  }

  Map<String, Object> login() {
    return login;
  }

  int cookieCount() {
    return cookies.getCookieStore().getCookies().size();
  }

  List<String> cookieNames() {
    return cookies.getCookieStore().getCookies().stream().map(c -> c.getName()).toList();
  }

  /** The value of the cookie {@code name}, or null. */
  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(c -> c.getValue())
        .findFirst()
        .orElse(null);
  }

  /** A GET with only the cookie given (as a copied cookie would be replayed). */
  HttpResponse<String> replay(String path, String cookie) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            request(path).header("Cookie", cookie).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  /** The task token of the execution's waiting Task, from the approvals list. */
  @SuppressWarnings("unchecked")
  String waitingToken(String executionId) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      var page = json(get("/console/api/approvals?pageSize=100").body());
      for (var item : (List<Map<String, Object>>) page.get("items")) {
        if (executionId.equals(item.get("executionId"))) return (String) item.get("taskToken");
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no waiting Task of " + executionId);
  }

  private HttpRequest.Builder request(String pathOrUrl) {
    String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String text) {
    return (Map<String, Object>) Json.parse(text);
  }

  static String quote(String text) {
    return Json.write(text);
  }
}
