package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How the REST API refuses requests (problem details, limits, unknown names), and the health and
 * metrics endpoints.
 */
class ApiErrorsAndOperationsIntegrationTests extends ApiIntegrationSupport {
  @Nested
  class Errors {
    @Test
    void refusesMalformedJson() {
      var response = api.postRaw("/v1/state-machines", "{\"name\": ");

      assertThat(response.status()).isEqualTo(400);
      assertThat(problemType(response)).startsWith("application/problem+json");
    }

    @Test
    void refusesAFieldOfTheWrongType() {
      var badName =
          api.post("/v1/state-machines", Map.of("name", Map.of("x", 1), "definition", json(PASS)));
      var badDefinition = api.post("/v1/definitions/validate", Map.of("definition", 5));
      var badExecutionName = startExecution(stateMachine(PASS), Map.of("name", List.of("a")));

      assertThat(badName.status()).isEqualTo(400);
      assertThat(problemType(badName)).startsWith("application/problem+json");
      assertThat(badDefinition.status()).isEqualTo(400);
      assertThat(badExecutionName.status()).isEqualTo(400);
    }

    @Test
    void answersUnknownExecutionsWith404() {
      String unknown = UUID.randomUUID().toString();

      assertThat(api.get("/v1/executions/" + unknown).status()).isEqualTo(404);
      assertThat(api.get("/v1/executions/not-a-uuid").status()).isEqualTo(404);
      assertThat(api.get("/v1/executions/" + unknown + "/history").status()).isEqualTo(404);
      assertThat(api.post("/v1/executions/" + unknown + "/stop", Map.of()).status()).isEqualTo(404);
      assertThat(problemType(api.get("/v1/executions/not-a-uuid")))
          .startsWith("application/problem+json");
    }

    @Test
    void modulesRefusalsAnswerTheirStatusTitleAndDetail() {
      String unknown = UUID.randomUUID().toString();
      assertThat(api.get("/v1/executions/" + unknown).json())
          .containsEntry("status", 404)
          .containsEntry("title", "Not found")
          .containsEntry("detail", "Execution '" + unknown + "' does not exist");
      assertThat(api.get("/v1/executions?pageToken=%25%25").json())
          .containsEntry("status", 400)
          .containsEntry("title", "Bad Request")
          .containsEntry("detail", "Invalid page token");
      assertThat(
              api.post("/v1/task-tokens/success", Map.of("taskToken", "nope", "output", 1)).json())
          .containsEntry("status", 404)
          .containsEntry("title", "Not found")
          .containsEntry("detail", "Task token does not exist");
      assertThat(api.get("/v1/state-machines/missing-" + unknown).json())
          .containsEntry("status", 404)
          .containsEntry("title", "Not found")
          .containsEntry("detail", "State machine 'missing-" + unknown + "' does not exist");
    }

    @Test
    void refusesABodyOverOneMebibyte() {
      var definition = new LinkedHashMap<String, Object>((Map<String, Object>) castMap(json(PASS)));
      definition.put("Comment", "c".repeat(1024 * 1024 + 10));

      var response = create(unique("huge"), definition);

      assertThat(response.status()).isEqualTo(413);
      assertThat(problemType(response)).startsWith("application/problem+json");
    }

    @Test
    void refusesAnInputOverThePayloadLimit() {
      String machine = stateMachine(PASS);

      var response =
          startExecution(machine, Map.of("input", Map.of("big", "b".repeat(256 * 1024 + 1))));

      assertThat(response.status()).isEqualTo(413);
      assertThat(problemType(response)).startsWith("application/problem+json");
      assertThat(list(api.get("/v1/executions?stateMachine=" + machine).json().get("items")))
          .isEmpty();
    }

    @Test
    void refusesPageSizesOutOfRange() {
      String id = api.start(stateMachine(PASS), Map.of());
      for (String size : new String[] {"0", "1001"}) {
        assertThat(api.get("/v1/state-machines?pageSize=" + size).status()).as(size).isEqualTo(400);
        assertThat(api.get("/v1/executions?pageSize=" + size).status()).as(size).isEqualTo(400);
        assertThat(api.get("/v1/executions/" + id + "/history?pageSize=" + size).status())
            .as(size)
            .isEqualTo(400);
      }
      assertThat(api.get("/v1/executions?pageSize=1000").status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
      return (Map<String, Object>) value;
    }
  }

  @Nested
  class Operations {
    @Test
    void answersHealthAndPrometheus() throws Exception {
      var client = HttpClient.newHttpClient();

      var health =
          client.send(
              HttpRequest.newBuilder(URI.create(api.base() + "/actuator/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      var prometheus =
          client.send(
              HttpRequest.newBuilder(URI.create(api.base() + "/actuator/prometheus")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(Json.parse(health.body())).isInstanceOf(Map.class);
      assertThat(((Map<?, ?>) Json.parse(health.body())).get("status")).isEqualTo("UP");
      assertThat(prometheus.statusCode()).isEqualTo(200);
      assertThat(prometheus.body()).contains("# TYPE");
    }
  }
}
