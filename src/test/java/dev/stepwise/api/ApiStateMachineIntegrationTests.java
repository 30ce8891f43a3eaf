package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state machine endpoints of the REST API: create, update, describe, list, delete and validate.
 */
class ApiStateMachineIntegrationTests extends ApiIntegrationSupport {
  @Test
  void createsOnceThenAnswersTheSameDefinitionWith200AndAnotherWith409() {
    String name = unique("create");

    var created = create(name, json(PASS));
    var again = create(name, json(PASS));
    var other = create(name, json(waitSeconds(1)));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/v1/state-machines/" + name);
    assertThat(created.json()).containsEntry("name", name).containsEntry("revision", 1);
    assertThat(created.json().get("definition")).isEqualTo(json(PASS));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).containsEntry("revision", 1);
    assertThat(other.status()).isEqualTo(409);
    assertThat(problemType(other)).startsWith("application/problem+json");
    assertThat(api.get("/v1/state-machines/" + name).json()).containsEntry("revision", 1);
  }

  @Test
  void takesTheDefinitionAsAJsonString() {
    String name = unique("string");

    var created = create(name, Json.write(json(PASS)));

    assertThat(created.status()).isEqualTo(201);
    assertThat(api.get("/v1/state-machines/" + name).json().get("definition"))
        .isEqualTo(json(PASS));
  }

  @Test
  void refusesAnInvalidDefinitionWithDiagnostics() {
    var response =
        create(
            unique("invalid"),
            json("{'StartAt': 'Nowhere', 'States': {'A': {'Type': 'Succeed'}}}"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(problemType(response)).startsWith("application/problem+json");
    assertThat(response.json()).containsEntry("status", 400).containsKeys("title", "detail");
    var diagnostics = list(response.json().get("diagnostics"));
    assertThat(diagnostics.getFirst())
        .containsEntry("code", "MISSING_TRANSITION_TARGET")
        .containsEntry("location", "/StartAt")
        .containsKey("message");
  }

  @Test
  void refusesAnUnroutableTaskResource() {
    var response =
        create(
            unique("unroutable"),
            json(
                "{'StartAt': 'T', 'States': {'T': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:1:function:nope', 'End': true}}}"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(list(response.json().get("diagnostics")).getFirst())
        .containsEntry("code", "INVALID_RESOURCE")
        .containsEntry("location", "/States/T/Resource");
  }

  @Test
  void refusesBadNames() {
    assertThat(create("has space", json(PASS)).status()).isEqualTo(400);
    assertThat(create("x".repeat(81), json(PASS)).status()).isEqualTo(400);
    assertThat(create("", json(PASS)).status()).isEqualTo(400);
    assertThat(api.post("/v1/state-machines", Map.of("definition", json(PASS))).status())
        .isEqualTo(400);
  }

  @Test
  void describesAndListsPageByPage() {
    var names = new ArrayList<String>();
    for (int i = 0; i < 3; i++) names.add(stateMachine(PASS));

    var described = api.get("/v1/state-machines/" + names.get(1)).json();
    assertThat(described)
        .containsEntry("name", names.get(1))
        .containsEntry("revision", 1)
        .containsKeys("createdAt", "updatedAt", "description");
    assertThat(described.get("definition")).isEqualTo(json(PASS));

    var seen = new ArrayList<String>();
    String token = null;
    do {
      var page =
          api.get("/v1/state-machines?pageSize=1" + (token == null ? "" : "&pageToken=" + token));
      assertThat(page.status()).isEqualTo(200);
      var items = list(page.json().get("items"));
      assertThat(items).hasSizeLessThanOrEqualTo(1);
      items.forEach(item -> seen.add((String) item.get("name")));
      token = (String) page.json().get("nextPageToken");
    } while (token != null);

    assertThat(seen).doesNotHaveDuplicates().isSorted().containsAll(names);
    var all = list(api.get("/v1/state-machines?pageSize=1000").json().get("items"));
    assertThat(all).extracting(item -> item.get("name")).containsExactlyElementsOf(seen);
  }

  @Test
  void updateMakesANewRevisionAndKeepsTheOldOne() {
    String name = stateMachine(PASS);
    var changed =
        json("{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Result': 'v2', 'End': true}}}");

    var updated =
        api.put(
            "/v1/state-machines/" + name, Map.of("definition", changed, "description", "second"));

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json()).containsEntry("revision", 2).containsEntry("description", "second");
    assertThat(api.get("/v1/state-machines/" + name).json().get("definition")).isEqualTo(changed);
    var first = api.get("/v1/state-machines/" + name + "/revisions/1");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json()).containsEntry("revision", 1);
    assertThat(first.json().get("definition")).isEqualTo(json(PASS));
    assertThat(api.get("/v1/state-machines/" + name + "/revisions/3").status()).isEqualTo(404);
  }

  @Test
  void aRunningExecutionKeepsItsRevision() {
    String name =
        stateMachine(
            "{'StartAt': 'W', 'States': {'W': {'Type': 'Wait', 'Seconds': 1, 'Next': 'P'},"
                + " 'P': {'Type': 'Pass', 'Result': 'v1', 'End': true}}}");
    String first = api.start(name, Map.of());

    api.put(
        "/v1/state-machines/" + name,
        Map.of(
            "definition",
            json(
                "{'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'Result': 'v2', 'End': true}}}")));
    String second = api.start(name, Map.of());

    var firstEnded = api.awaitEnd(first, END);
    var secondEnded = api.awaitEnd(second, END);
    assertThat(firstEnded).containsEntry("revision", 1).containsEntry("output", "v1");
    assertThat(secondEnded).containsEntry("revision", 2).containsEntry("output", "v2");
  }

  @Test
  void deleteRefusesNewStarts() {
    String name = stateMachine(PASS);

    var deleted = api.delete("/v1/state-machines/" + name);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(startExecution(name, Map.of()).status()).isEqualTo(404);
    assertThat(api.get("/v1/state-machines/" + name).status()).isEqualTo(404);
    assertThat(api.delete("/v1/state-machines/" + name).status()).isEqualTo(404);
    assertThat(list(api.get("/v1/state-machines?pageSize=1000").json().get("items")))
        .extracting(item -> item.get("name"))
        .doesNotContain(name);
  }

  @Test
  void answersUnknownNamesWith404() {
    String name = unique("unknown");

    var get = api.get("/v1/state-machines/" + name);

    assertThat(get.status()).isEqualTo(404);
    assertThat(problemType(get)).startsWith("application/problem+json");
    assertThat(api.put("/v1/state-machines/" + name, Map.of("definition", json(PASS))).status())
        .isEqualTo(404);
    assertThat(api.get("/v1/state-machines/" + name + "/revisions/1").status()).isEqualTo(404);
    assertThat(startExecution(name, Map.of()).status()).isEqualTo(404);
  }

  @Test
  void validatesWithoutStoring() {
    var valid = api.post("/v1/definitions/validate", Map.of("definition", json(PASS)));
    var invalid =
        api.post(
            "/v1/definitions/validate",
            Map.of(
                "definition",
                json("{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Next': 'B'}}}")));

    assertThat(valid.status()).isEqualTo(200);
    assertThat(valid.json()).containsEntry("valid", true).containsEntry("diagnostics", List.of());
    assertThat(invalid.status()).isEqualTo(200);
    assertThat(invalid.json()).containsEntry("valid", false);
    assertThat(list(invalid.json().get("diagnostics")))
        .containsExactly(
            Map.of(
                "code",
                "MISSING_TRANSITION_TARGET",
                "message",
                "Missing 'Next' target: 'B'",
                "location",
                "/States/A/Next"),
            Map.of(
                "code", "MISSING_END_STATE",
                "message",
                    "Workflow has no terminal state (a Succeed or Fail state, or a state with 'End': true)",
                "location", ""));
  }
}
