package dev.stepwise.task;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Notes what a call sends and reads, when asked to ({@link HttpTaskDispatcher#trace}); ordinary
 * calls use {@link #OFF}, which notes nothing.
 */
class ExchangeTrace {
  static final ExchangeTrace OFF =
      new ExchangeTrace(false) {
        @Override
        void sent(HttpRequest request, String body, Set<String> secretHeaders) {}

        @Override
        void answered(HttpResponse<BoundedBody> response) {}
      };

  private final boolean revealSecrets;
  private HttpExchange.Request request;
  private HttpExchange.Response response;

  ExchangeTrace(boolean revealSecrets) {
    this.revealSecrets = revealSecrets;
  }

  /**
   * The request as it leaves. {@code secretHeaders} are the ones a route or connection adds
   * (credentials, as a rule): they, and any {@code Authorization}, are left out unless secrets are
   * revealed.
   */
  void sent(HttpRequest request, String body, Set<String> secretHeaders) {
    // Credentials, whoever set them: a route, a connection or the state's own Headers.
    var secret = new HashSet<>(Set.of("authorization", "proxy-authorization"));
    secretHeaders.forEach(name -> secret.add(name.toLowerCase(Locale.ROOT)));
    var headers = new LinkedHashMap<String, List<String>>();
    request
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (revealSecrets || !secret.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, List.copyOf(values));
              }
            });
    this.request =
        new HttpExchange.Request(
            protocol(request.version().orElse(HttpClient.Version.HTTP_1_1)),
            request.method(),
            request.uri().toString(),
            headers,
            body);
  }

  void answered(HttpResponse<BoundedBody> answer) {
    var headers = new LinkedHashMap<String, List<String>>();
    answer.headers().map().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    this.response =
        new HttpExchange.Response(
            protocol(answer.version()),
            answer.statusCode(),
            StatusTexts.of(answer.statusCode()),
            headers,
            answer.body().text());
  }

  HttpExchange exchange() {
    return request == null ? null : new HttpExchange(request, response);
  }

  private static String protocol(HttpClient.Version version) {
    return version == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
  }
}
