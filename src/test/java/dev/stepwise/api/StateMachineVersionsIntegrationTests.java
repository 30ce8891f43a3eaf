package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Versions of state machines over the REST API: publishing, listing, deleting, starting on a
 * version, and the refusals.
 */
class StateMachineVersionsIntegrationTests extends VersionsAndAliasesSupport {
  @Test
  void publishesTheCurrentRevisionAsVersionOneWithLocation() {
    String name = stateMachine("one");

    var published = publish(name, Map.of("description", "first cut"));

    assertThat(published.status()).isEqualTo(201);
    assertThat(published.header("Location")).endsWith("/v1/state-machines/" + name + "/versions/1");
    assertThat(published.json())
        .containsEntry("stateMachine", name)
        .containsEntry("version", 1)
        .containsEntry("revision", 1)
        .containsEntry("description", "first cut")
        .containsEntry("definition", passing("one"));
    assertThat(api.get("/v1/state-machines/" + name + "/versions/1").json())
        .isEqualTo(published.json());
  }

  @Test
  void publishingWhatIsAlreadyPublishedReturnsThatVersion() {
    String name = stateMachine("one");
    publish(name, Map.of());

    var again = publish(name, Map.of("description", "ignored"));
    // A new revision with the latest version's definition publishes nothing new either.
    update(name, "two");
    int two = (Integer) publish(name, Map.of()).json().get("version");
    update(name, "two");
    var sameDefinition = publish(name, Map.of());

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).containsEntry("version", 1);
    assertThat(again.json().get("description")).isNull();
    assertThat(two).isEqualTo(2);
    assertThat(sameDefinition.status()).isEqualTo(200);
    assertThat(sameDefinition.json()).containsEntry("version", 2).containsEntry("revision", 2);
    assertThat(items(api.get("/v1/state-machines/" + name + "/versions"))).hasSize(2);
  }

  @Test
  void publishesOnlyTheRevisionTheCallerNames() {
    String name = stateMachine("one");
    update(name, "two");

    var stale = publish(name, Map.of("revision", 1));
    var current = publish(name, Map.of("revision", 2));

    assertProblem(stale, 409, "is at revision 2, not 1");
    assertThat(current.status()).isEqualTo(201);
    assertThat(current.json()).containsEntry("version", 1).containsEntry("revision", 2);
  }

  @Test
  void aVersionKeepsItsDefinitionWhenTheStateMachineChanges() {
    String name = stateMachine("one");
    publish(name, Map.of());

    update(name, "two");

    var one = api.get("/v1/state-machines/" + name + "/versions/1").json();
    assertThat(one).containsEntry("revision", 1).containsEntry("definition", passing("one"));
    assertThat(api.get("/v1/state-machines/" + name).json())
        .containsEntry("definition", passing("two"));
  }

  @Test
  void listsNewestFirstPageByPage() {
    String name = stateMachine("v0");
    for (int i = 1; i <= 5; i++) publishNew(name, "v" + i);
    String path = "/v1/state-machines/" + name + "/versions?pageSize=2";

    var first = api.get(path);
    var second = api.get(path + "&pageToken=" + first.json().get("nextPageToken"));
    var third = api.get(path + "&pageToken=" + second.json().get("nextPageToken"));

    assertThat(items(first)).extracting(v -> v.get("version")).containsExactly(5, 4);
    assertThat(items(second)).extracting(v -> v.get("version")).containsExactly(3, 2);
    assertThat(items(third)).extracting(v -> v.get("version")).containsExactly(1);
    assertThat(third.json().get("nextPageToken")).isNull();
    assertThat(items(first).getFirst()).containsEntry("definition", passing("v5"));
    assertProblem(api.get(path + "&pageToken=nonsense"), 400, "Invalid page token");
  }

  @Test
  void deletesAVersionAndNeverGivesItsNumberAgain() {
    String name = stateMachine("v0");
    publishNew(name, "v1");
    publishNew(name, "v2");

    var deleted = api.delete("/v1/state-machines/" + name + "/versions/2");
    int next = publishNew(name, "v3");

    assertThat(deleted.status()).isEqualTo(204);
    assertProblem(api.get("/v1/state-machines/" + name + "/versions/2"), 404, "no version 2");
    assertProblem(api.delete("/v1/state-machines/" + name + "/versions/2"), 404, "version 2");
    assertThat(next).isEqualTo(3);
    assertThat(items(api.get("/v1/state-machines/" + name + "/versions")))
        .extracting(v -> v.get("version"))
        .containsExactly(3, 1);
  }

  @Test
  void anExecutionOnAVersionRunsItsDefinitionAfterTheStateMachineChanged() {
    String name = stateMachine("old");
    publish(name, Map.of());
    update(name, "new");

    var onVersion = startOn(name + ":1");
    var onLatest = startOn(name);

    assertThat(outputOf(onVersion)).isEqualTo("old");
    assertThat(outputOf(onLatest)).isEqualTo("new");
    var described = api.execution((String) onVersion.get("executionId"));
    assertThat(described)
        .containsEntry("stateMachine", name)
        .containsEntry("version", 1)
        .containsEntry("revision", 1)
        .doesNotContainKey("alias");
    assertThat(api.execution((String) onLatest.get("executionId")))
        .containsEntry("revision", 2)
        .doesNotContainKeys("version", "alias");
    var started = api.history((String) onVersion.get("executionId")).getFirst();
    assertThat(started.get("type")).isEqualTo("ExecutionStarted");
    assertThat(started.get("details"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("version", 1);
  }

  @Test
  void startsOnAVersionByItsEncodedQualifierToo() {
    String name = stateMachine("one");
    publish(name, Map.of());

    var started = api.post("/v1/state-machines/" + name + "%3A1/executions", Map.of());

    assertThat(started.status()).isEqualTo(201);
    assertThat(started.json()).containsEntry("version", 1);
  }

  @Test
  void publishesOnCreateAndUpdateWhenAsked() {
    String name = unique("sm");

    var created =
        api.post(
            "/v1/state-machines",
            Map.of(
                "name",
                name,
                "definition",
                passing("one"),
                "publish",
                true,
                "versionDescription",
                "launch"));
    var updated =
        api.put(
            "/v1/state-machines/" + name, Map.of("definition", passing("two"), "publish", true));
    var plain = update(name, "three");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json()).containsEntry("revision", 1).containsEntry("publishedVersion", 1);
    assertThat(updated.json()).containsEntry("revision", 2).containsEntry("publishedVersion", 2);
    assertThat(plain.json()).containsEntry("revision", 3).doesNotContainKey("publishedVersion");
    assertThat(api.get("/v1/state-machines/" + name + "/versions/1").json())
        .containsEntry("description", "launch")
        .containsEntry("definition", passing("one"));
    assertThat(api.get("/v1/state-machines/" + name + "/versions/2").json())
        .containsEntry("definition", passing("two"));
  }

  @Test
  void refusesBadVersionRequests() {
    String name = stateMachine("one");

    assertProblem(
        api.post(
            "/v1/state-machines",
            Map.of("name", unique("sm"), "definition", passing("x"), "versionDescription", "d")),
        400,
        "'versionDescription' needs 'publish': true");
    assertProblem(publish(name, Map.of("description", "d".repeat(257))), 400, "at most 256");
    assertProblem(publish(unique("missing"), Map.of()), 404, "does not exist");
    assertProblem(api.get("/v1/state-machines/" + name + "/versions/7"), 404, "no version 7");
    assertProblem(api.get("/v1/state-machines/" + unique("missing") + "/versions"), 404, "");
    assertProblem(startOn404(name + ":7"), 404, "no version 7");
    assertProblem(startOn404(name + ":99999999999"), 404, "no version 99999999999");
    assertProblem(startOn404(unique("missing") + ":1"), 404, "does not exist");
    assertThat(api.get("/v1/state-machines/" + name + "/versions/x").status()).isEqualTo(400);
  }
}
