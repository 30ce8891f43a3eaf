package dev.stepwise.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console over plain HTTP: its shell, its read endpoints' answers to bad input, and browsers'
 * requests that change something, which need the console's header and this origin.
 */
class ConsoleHttpIntegrationTests {
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final String BODY =
      "{\"definition\": {\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}}";
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start(Map.of());
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  HttpResponse<String> post(Map<String, String> headers) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(stepwise.api().base() + "/v1/definitions/validate"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY));
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void clientsThatAreNotBrowsersAreNotAffected() throws Exception {
    assertThat(post(Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void anotherSitesPageIsRefused() throws Exception {
    var withoutHeader = post(Map.of("Origin", "http://evil.example"));
    var withHeader =
        post(Map.of("Origin", "http://evil.example", CrossSiteRequestGuard.HEADER, "1"));

    assertThat(withoutHeader.statusCode()).isEqualTo(403);
    assertThat(withoutHeader.body()).contains("X-Stepwise-Console");
    assertThat(withHeader.statusCode()).isEqualTo(403);
    assertThat(withHeader.body()).contains("other origins");
  }

  @Test
  void theConsolesOwnCallsPass() throws Exception {
    String origin = stepwise.api().base();
    var response = post(Map.of("Origin", origin, CrossSiteRequestGuard.HEADER, "1"));
    var noHeader = post(Map.of("Origin", origin));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(noHeader.statusCode()).isEqualTo(403);
  }

  @Test
  void theConsoleIsServedAtTheRootWithAStrictContentPolicy() throws Exception {
    var response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(stepwise.api().base() + "/")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("/console/app.js");
    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'");
  }

  @Test
  void theReadEndpointsAnswerBadInputWithProblemDetails() throws Exception {
    var badToken = stepwise.api().get("/console/api/executions?pageToken=nonsense");
    var unknown =
        stepwise.api().get("/console/api/executions/" + java.util.UUID.randomUUID() + "/states");
    var notAnId = stepwise.api().get("/console/api/executions/42/stream");
    var badSize = stepwise.api().get("/console/api/state-machines?pageSize=0");
    var badGraph = stepwise.api().postRaw("/console/api/graph", "{\"definition\": \"{not json\"}");

    assertThat(badToken.status()).isEqualTo(400);
    assertThat(badToken.json().get("detail")).asString().contains("pageToken");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(notAnId.status()).isEqualTo(404);
    assertThat(badSize.status()).isEqualTo(400);
    assertThat(badGraph.status()).isEqualTo(400);
  }
}
