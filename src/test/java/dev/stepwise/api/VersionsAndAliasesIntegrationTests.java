package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.Json;
import dev.stepwise.statemachine.AliasNotFound;
import dev.stepwise.statemachine.Route;
import dev.stepwise.statemachine.SaveResult;
import dev.stepwise.statemachine.StateMachineAliases;
import dev.stepwise.statemachine.StateMachineConflict;
import dev.stepwise.statemachine.StateMachineVersions;
import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Versions and aliases of state machines over the REST API, against the real application and
 * PostgreSQL: publishing, listing, deleting, routing starts by weight, and the refusals.
 */
class VersionsAndAliasesIntegrationTests {
  private static final Duration END = Duration.ofSeconds(30);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  static StepwiseInstance stepwise;
  static Api api;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start();
    api = stepwise.api();
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
  }

  /** A definition whose output is {@code result}, so an execution shows what it ran. */
  private static Object passing(String result) {
    return Json.parse(
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": \""
            + result
            + "\", \"End\": true}}}");
  }

  private static String stateMachine(String result) {
    String name = unique("sm");
    var created =
        api.post("/v1/state-machines", Map.of("name", name, "definition", passing(result)));
    assertThat(created.status()).isEqualTo(201);
    return name;
  }

  private static Api.Response update(String name, String result) {
    return api.put("/v1/state-machines/" + name, Map.of("definition", passing(result)));
  }

  private static Api.Response publish(String name, Map<String, Object> body) {
    return api.post("/v1/state-machines/" + name + "/versions", body);
  }

  /** Updates the state machine to return {@code result} and publishes that as a new version. */
  private static int publishNew(String name, String result) {
    assertThat(update(name, result).status()).isEqualTo(200);
    var published = publish(name, Map.of());
    assertThat(published.status()).isEqualTo(201);
    return (Integer) published.json().get("version");
  }

  private static Api.Response putAlias(String name, String alias, Object routing) {
    return api.put("/v1/state-machines/" + name + "/aliases/" + alias, Map.of("routing", routing));
  }

  private static List<Map<String, Object>> routes(int... versionsAndWeights) {
    var routes = new java.util.ArrayList<Map<String, Object>>();
    for (int i = 0; i + 1 < versionsAndWeights.length; i += 2) {
      routes.add(Map.of("version", versionsAndWeights[i], "weight", versionsAndWeights[i + 1]));
    }
    return routes;
  }

  private static Map<String, Object> startOn(String target) {
    var started = api.post("/v1/state-machines/" + target + "/executions", Map.of());
    assertThat(started.status()).as("start on %s: %s", target, started.body()).isEqualTo(201);
    return started.json();
  }

  private static Object outputOf(Map<String, Object> execution) {
    return api.awaitEnd((String) execution.get("executionId"), END).get("output");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Api.Response response) {
    return (List<Map<String, Object>>) response.json().get("items");
  }

  private static void assertProblem(Api.Response response, int status, String detail) {
    assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat((String) response.json().get("detail")).contains(detail);
  }

  @Nested
  class Versions {
    @Test
    void publishesTheCurrentRevisionAsVersionOneWithLocation() {
      String name = stateMachine("one");

      var published = publish(name, Map.of("description", "first cut"));

      assertThat(published.status()).isEqualTo(201);
      assertThat(published.header("Location"))
          .endsWith("/v1/state-machines/" + name + "/versions/1");
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

  private static Api.Response startOn404(String target) {
    return api.post("/v1/state-machines/" + target + "/executions", Map.of());
  }

  @Nested
  class Aliases {
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
      assertThat(created.header("Location"))
          .endsWith("/v1/state-machines/" + name + "/aliases/prod");
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
  }

  /** The Java services other faces (the AWS wire API) call, with their own rules. */
  @Nested
  class Services {
    @Test
    void createsAnAliasOnceAndRefusesAnotherWithTheSameName() {
      var aliases = stepwise.bean(StateMachineAliases.class);
      String name = stateMachine("v0");
      publishNew(name, "v1");
      publishNew(name, "v2");

      var created = aliases.create(name, "live", "d", List.of(new Route(1, 100)));
      var again = aliases.create(name, "live", "d", List.of(new Route(1, 100)));

      assertThat(created.result()).isEqualTo(SaveResult.CREATED);
      assertThat(again.result()).isEqualTo(SaveResult.UNCHANGED);
      assertThat(again.alias().routing()).containsExactly(new Route(1, 100));
      assertThatThrownBy(() -> aliases.create(name, "live", "d", List.of(new Route(2, 100))))
          .isInstanceOf(StateMachineConflict.class);
      assertThatThrownBy(() -> aliases.update(name, "other", null, null))
          .isInstanceOf(AliasNotFound.class);
    }

    @Test
    void anUpdateKeepsWhatItIsNotGiven() {
      var aliases = stepwise.bean(StateMachineAliases.class);
      String name = stateMachine("v0");
      publishNew(name, "v1");
      publishNew(name, "v2");
      aliases.create(name, "live", "first", List.of(new Route(1, 100)));

      var routed = aliases.update(name, "live", null, List.of(new Route(1, 20), new Route(2, 80)));
      var described = aliases.update(name, "live", "second", null);

      assertThat(routed.description()).isEqualTo("first");
      assertThat(described.routing()).containsExactly(new Route(1, 20), new Route(2, 80));
      assertThat(aliases.get(name, "live").description()).isEqualTo("second");
    }

    @Test
    void concurrentPublishesOfOneRevisionMakeOneVersion() throws Exception {
      var versions = stepwise.bean(StateMachineVersions.class);
      String name = stateMachine("one");

      var numbers = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
        var start = new java.util.concurrent.CountDownLatch(1);
        var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < 8; i++) {
          done.add(
              pool.submit(
                  () -> {
                    start.await();
                    return numbers.add(versions.publish(name, null, null).version().version());
                  }));
        }
        start.countDown();
        for (var future : done) future.get();
      }

      assertThat(numbers).hasSize(8).containsOnly(1);
      assertThat(versions.list(name, null, 10)).hasSize(1);
    }
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
