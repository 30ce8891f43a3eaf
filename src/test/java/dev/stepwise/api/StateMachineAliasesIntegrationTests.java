package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Aliases of state machines over the REST API: creating, routing starts by weight, listing, and the
 * refusals; and deleting a state machine with its versions and aliases.
 */
class StateMachineAliasesIntegrationTests extends VersionsAndAliasesSupport {
  @Test
  void createsDescribesAndUpdatesAnAlias() {
    String name = stateMachine("v0");
    publishNew(name, "v1");
    publishNew(name, "v2");

    var created =
        api.put(
            "/v1/state-machines/" + name + "/aliases/prod",
            Map.of("description", "live", "routing", routes(1, 90, 2, 10)));
    var updated = putAlias(name, "prod", routes(2, 100));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/v1/state-machines/" + name + "/aliases/prod");
    assertThat(created.json())
        .containsEntry("stateMachine", name)
        .containsEntry("name", "prod")
        .containsEntry("description", "live")
        .containsEntry("routing", routes(1, 90, 2, 10));
    assertThat(updated.status()).isEqualTo(200);
    var described = api.get("/v1/state-machines/" + name + "/aliases/prod").json();
    assertThat(described)
        .containsEntry("routing", routes(2, 100))
        .containsEntry("description", "live") // an omitted description is kept
        .containsEntry("createdAt", created.json().get("createdAt"));
  }

  @Test
  void routesEveryStartToTheVersionWithAllTheWeight() {
    String name = stateMachine("v0");
    publishNew(name, "v1");
    publishNew(name, "v2");
    putAlias(name, "prod", routes(1, 100, 2, 0));

    var seen = new HashSet<Object>();
    for (int i = 0; i < 20; i++) seen.add(startOn(name + ":prod").get("version"));
    var one = startOn(name + ":prod");
    putAlias(name, "prod", routes(1, 0, 2, 100));
    var two = startOn(name + ":prod");

    assertThat(seen).containsExactly(1);
    assertThat(outputOf(one)).isEqualTo("v1");
    assertThat(api.execution((String) one.get("executionId")))
        .containsEntry("alias", "prod")
        .containsEntry("version", 1)
        .containsEntry("revision", 2);
    assertThat(outputOf(two)).isEqualTo("v2");
    assertThat(two).containsEntry("alias", "prod").containsEntry("version", 2);
  }

  /**
   * Half the weight each: over 200 starts both versions run (the chance that one never does is
   * 2^-199) and each runs its own definition.
   */
  @Test
  void splitsStartsBetweenTwoVersionsByWeight() {
    String name = stateMachine("v0");
    publishNew(name, "v1");
    publishNew(name, "v2");
    putAlias(name, "canary", routes(1, 50, 2, 50));

    var counts = new java.util.TreeMap<Object, Integer>();
    for (int i = 0; i < 200; i++) {
      var started = startOn(name + ":canary");
      counts.merge(started.get("version"), 1, Integer::sum);
      if (i < 10) assertThat(outputOf(started)).isEqualTo("v" + started.get("version"));
    }

    assertThat(counts.keySet()).containsExactly(1, 2);
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
  }

  @Test
  void listsAliasesByNamePageByPage() {
    String name = stateMachine("v0");
    publishNew(name, "v1");
    for (String alias : List.of("c", "a", "b")) putAlias(name, alias, routes(1, 100));
    String path = "/v1/state-machines/" + name + "/aliases?pageSize=2";

    var first = api.get(path);
    var second = api.get(path + "&pageToken=" + first.json().get("nextPageToken"));

    assertThat(items(first)).extracting(a -> a.get("name")).containsExactly("a", "b");
    assertThat(items(first).getFirst()).containsEntry("routing", routes(1, 100));
    assertThat(items(second)).extracting(a -> a.get("name")).containsExactly("c");
    assertThat(second.json().get("nextPageToken")).isNull();
  }

  @Test
  void aVersionAnAliasRoutesToCannotBeDeleted() {
    String name = stateMachine("v0");
    publishNew(name, "v1");
    publishNew(name, "v2");
    putAlias(name, "prod", routes(1, 100, 2, 0));

    var refused = api.delete("/v1/state-machines/" + name + "/versions/2");
    var aliasDeleted = api.delete("/v1/state-machines/" + name + "/aliases/prod");
    var versionDeleted = api.delete("/v1/state-machines/" + name + "/versions/2");

    assertProblem(refused, 409, "routed to by alias prod");
    assertThat(aliasDeleted.status()).isEqualTo(204);
    assertThat(versionDeleted.status()).isEqualTo(204);
    assertProblem(api.get("/v1/state-machines/" + name + "/aliases/prod"), 404, "no alias");
    assertProblem(startOn404(name + ":prod"), 404, "no alias 'prod'");
  }

  @Test
  void refusesBadRoutingsAndNames() {
    String name = stateMachine("v0");
    publishNew(name, "v1");
    publishNew(name, "v2");

    assertProblem(putAlias(name, "a", routes(1, 50, 2, 40)), 400, "sum to 100, not 90");
    assertProblem(putAlias(name, "a", routes(1, 50, 2, 25, 3, 25)), 400, "one or two");
    assertProblem(putAlias(name, "a", List.of()), 400, "one or two");
    assertProblem(putAlias(name, "a", routes(1, 50, 1, 50)), 400, "more than once");
    assertProblem(putAlias(name, "a", routes(1, 150, 2, -50)), 400, "between 0 and 100");
    assertProblem(putAlias(name, "a", routes(9, 100)), 400, "version 9");
    assertProblem(putAlias(name, "123", routes(1, 100)), 400, "not all digits");
    assertProblem(putAlias(name, "a", List.of(Map.of("version", 1))), 400, "'weight'");
    assertProblem(
        api.put("/v1/state-machines/" + name + "/aliases/a", Map.of("description", "x")),
        400,
        "'routing' is required");
    assertProblem(
        api.put(
            "/v1/state-machines/" + name + "/aliases/a",
            Map.of("routing", routes(1, 100), "description", "d".repeat(257))),
        400,
        "at most 256");
    assertProblem(
        api.put(
            "/v1/state-machines/" + name + "/aliases/a",
            Map.of("routing", List.of(Map.of("version", 1, "weight", "all")))),
        400,
        "");
    assertProblem(putAlias(unique("missing"), "a", routes(1, 100)), 404, "does not exist");
    assertProblem(api.get("/v1/state-machines/" + name + "/aliases/a"), 404, "no alias 'a'");
    assertProblem(api.delete("/v1/state-machines/" + name + "/aliases/a"), 404, "no alias");
    assertThat(items(api.get("/v1/state-machines/" + name + "/aliases"))).isEmpty();
  }

  @Test
  void deletingAStateMachineDeletesItsVersionsAndAliases() {
    String name = stateMachine("v0");
    publishNew(name, "v1");
    putAlias(name, "prod", routes(1, 100));

    assertThat(api.delete("/v1/state-machines/" + name).status()).isEqualTo(204);
    assertProblem(api.get("/v1/state-machines/" + name + "/versions"), 404, "does not exist");
    assertProblem(startOn404(name + ":prod"), 404, "does not exist");
    assertProblem(startOn404(name + ":1"), 404, "does not exist");
    var again =
        api.post("/v1/state-machines", Map.of("name", name, "definition", passing("again")));

    assertThat(again.status()).isEqualTo(201);
    assertThat(items(api.get("/v1/state-machines/" + name + "/versions"))).isEmpty();
    assertThat(items(api.get("/v1/state-machines/" + name + "/aliases"))).isEmpty();
    assertThat(publish(name, Map.of()).json()).containsEntry("version", 2);
  }
}
