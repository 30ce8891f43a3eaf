package dev.stepwise.chaos;

import dev.stepwise.asl.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The REST API as a client behind a load balancer sees it: each call goes to the next replica that
 * is up; a call that finds no answer (a replica killed, paused, or without its database) is tried
 * again on the next one.
 */
final class ChaosApi {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Replicas replicas;

  ChaosApi(Replicas replicas) {
    this.replicas = replicas;
  }

  record Answer(int status, Object body) {}

  /** One POST to the next replica; an exception when it did not answer. */
  Answer post(String path, Object body) throws IOException, InterruptedException {
    String base = replicas.next();
    if (base == null) throw new IOException("no replica is up");
    var response =
        client.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(), response.body().isEmpty() ? null : Json.parse(response.body()));
  }

  /** A GET that succeeds (2xx), tried on replica after replica for up to a minute. */
  @SuppressWarnings("unchecked")
  Map<String, Object> get(String path) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      String base = replicas.next();
      if (base != null) {
        try {
          var response =
              client.send(
                  HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_TIMEOUT).build(),
                  HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200)
            return (Map<String, Object>) Json.parse(response.body());
          last = response.statusCode() + " " + response.body();
        } catch (IOException e) {
          last = e.toString();
        }
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("GET " + path + " kept failing: " + last);
  }

  /** Every item of a paged list. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> list(String path, String field) throws InterruptedException {
    var all = new ArrayList<Map<String, Object>>();
    String token = null;
    do {
      String page =
          path
              + (path.contains("?") ? "&" : "?")
              + "pageSize=1000"
              + (token == null
                  ? ""
                  : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
      var answer = get(page);
      all.addAll((List<Map<String, Object>>) answer.get(field));
      token = (String) answer.get("nextPageToken");
    } while (token != null);
    return all;
  }
}
