package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The REST API of docs/api.md against the real application and PostgreSQL. Definitions are written
 * with single quotes for readability.
 */
class ApiIntegrationTests {
  private static final Duration END = Duration.ofSeconds(30);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;
  static Api api;

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.echo("/echo");
    endpoint.on("/fail", call -> new Answer(500, Map.of("error", "MyError", "cause", "why")));
    endpoint.on(
        "/slow",
        call -> {
          try {
            Thread.sleep(Duration.ofSeconds(5)); // the endpoint is slow, not the test
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Answer.ok(Map.of("late", true));
        });
    stepwise = StepwiseInstance.start();
    api = stepwise.api();
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
    if (endpoint != null) endpoint.close();
  }

  /** A name no other test (nor an earlier run on the same database) uses. */
  private static String unique(String prefix) {
    return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
  }

  private static Object json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }

  private static final String PASS =
      "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Result': 'done', 'End': true}}}";

  private static String waitSeconds(int seconds) {
    return "{'StartAt': 'W', 'States': {'W': {'Type': 'Wait', 'Seconds': "
        + seconds
        + ", 'Next': 'P'},"
        + " 'P': {'Type': 'Pass', 'Result': 'waited', 'End': true}}}";
  }

  private static String stateMachine(String definition) {
    String name = unique("sm");
    api.createStateMachine(name, definition.replace('\'', '"'));
    return name;
  }

  private static Api.Response create(String name, Object definition) {
    return api.post("/v1/state-machines", Map.of("name", name, "definition", definition));
  }

  private static Api.Response startExecution(String stateMachine, Map<String, Object> body) {
    return api.post("/v1/state-machines/" + stateMachine + "/executions", body);
  }

  private static String problemType(Api.Response response) {
    return response.header("Content-Type");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private static List<Object> types(String executionId) {
    return api.history(executionId).stream().map(e -> e.get("type")).toList();
  }

  @Nested
  class StateMachines {
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
      assertThat(updated.json())
          .containsEntry("revision", 2)
          .containsEntry("description", "second");
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

  @Nested
  class Executions {
    @Test
    void startsWithLocationAndRepeatsByName() {
      String machine = stateMachine(PASS);
      String name = unique("exec");

      var started = startExecution(machine, Map.of("name", name, "input", Map.of("a", 1)));
      var repeated = startExecution(machine, Map.of("name", name, "input", Map.of("a", 1)));
      var conflicting = startExecution(machine, Map.of("name", name, "input", Map.of("a", 2)));

      assertThat(started.status()).isEqualTo(201);
      String id = (String) started.json().get("executionId");
      assertThat(started.header("Location")).endsWith("/v1/executions/" + id);
      assertThat(started.json()).containsEntry("name", name).containsEntry("stateMachine", machine);
      assertThat(repeated.status()).isEqualTo(200);
      assertThat(repeated.json()).containsEntry("executionId", id);
      assertThat(conflicting.status()).isEqualTo(409);
      assertThat(problemType(conflicting)).startsWith("application/problem+json");
    }

    @Test
    void waitsForTheEndWhenAskedTo() {
      String quick = stateMachine(PASS);
      String slow = stateMachine(waitSeconds(3));

      var finished =
          api.post("/v1/state-machines/" + quick + "/executions?waitSeconds=20", Map.of());
      var running = api.post("/v1/state-machines/" + slow + "/executions?waitSeconds=1", Map.of());

      assertThat(finished.status()).isEqualTo(200);
      assertThat(finished.json())
          .containsEntry("status", "SUCCEEDED")
          .containsEntry("output", "done");
      assertThat(running.status()).isEqualTo(202);
      assertThat(running.json()).containsEntry("status", "RUNNING");
      assertThat(running.header("Location"))
          .endsWith("/v1/executions/" + running.json().get("executionId"));
      assertThat(
              api.post("/v1/state-machines/" + quick + "/executions?waitSeconds=61", Map.of())
                  .status())
          .isEqualTo(400);
    }

    @Test
    void describesAnExecution() {
      String machine = stateMachine(PASS);
      String id = api.start(machine, Map.of("in", true));

      api.awaitEnd(id, END);
      var described = api.get("/v1/executions/" + id);

      assertThat(described.status()).isEqualTo(200);
      assertThat(described.json())
          .containsEntry("executionId", id)
          .containsEntry("stateMachine", machine)
          .containsEntry("revision", 1)
          .containsEntry("status", "SUCCEEDED")
          .containsEntry("input", Map.of("in", true))
          .containsEntry("output", "done")
          .containsEntry("redriveCount", 0)
          .containsKeys("name", "startedAt", "stoppedAt", "error", "cause");
      assertThat(Instant.parse((String) described.json().get("stoppedAt")))
          .isAfterOrEqualTo(Instant.parse((String) described.json().get("startedAt")));
    }

    @Test
    void listsWithFiltersNewestFirstPageByPage() {
      String machine =
          stateMachine(
              "{'StartAt': 'C', 'States': {'C': {'Type': 'Choice', 'Choices': [{'Variable': '$.fail', 'BooleanEquals': true, 'Next': 'F'}], 'Default': 'S'},"
                  + " 'F': {'Type': 'Fail', 'Error': 'Told'}, 'S': {'Type': 'Succeed'}}}");
      var ids = new ArrayList<String>();
      for (boolean fail : new boolean[] {false, true, false}) {
        String id = api.start(machine, Map.of("fail", fail));
        api.awaitEnd(id, END);
        ids.add(id);
      }

      var all = list(api.get("/v1/executions?stateMachine=" + machine).json().get("items"));
      var failed =
          list(
              api.get("/v1/executions?stateMachine=" + machine + "&status=FAILED")
                  .json()
                  .get("items"));
      var succeeded =
          list(
              api.get("/v1/executions?stateMachine=" + machine + "&status=SUCCEEDED")
                  .json()
                  .get("items"));
      var running =
          list(
              api.get("/v1/executions?stateMachine=" + machine + "&status=RUNNING")
                  .json()
                  .get("items"));

      assertThat(all)
          .extracting(e -> e.get("executionId"))
          .containsExactly(ids.get(2), ids.get(1), ids.get(0));
      assertThat(failed).extracting(e -> e.get("executionId")).containsExactly(ids.get(1));
      assertThat(failed.getFirst())
          .containsEntry("error", "Told")
          .containsEntry("status", "FAILED");
      assertThat(succeeded)
          .extracting(e -> e.get("executionId"))
          .containsExactly(ids.get(2), ids.get(0));
      assertThat(running).isEmpty();

      var paged = new ArrayList<Object>();
      String token = null;
      int pages = 0;
      do {
        var page =
            api.get(
                    "/v1/executions?pageSize=1&stateMachine="
                        + machine
                        + (token == null ? "" : "&pageToken=" + token))
                .json();
        pages++;
        list(page.get("items")).forEach(e -> paged.add(e.get("executionId")));
        token = (String) page.get("nextPageToken");
      } while (token != null);
      assertThat(paged).containsExactly(ids.get(2), ids.get(1), ids.get(0));
      assertThat(pages).isBetween(3, 4);
      assertThat(api.get("/v1/executions?status=SLEEPING").status()).isEqualTo(400);
    }

    @Test
    void numbersHistoryEventsWithoutGapsAndPagesBothWays() {
      String machine =
          stateMachine(
              "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Next': 'B'}, 'B': {'Type': 'Pass', 'Next': 'C'},"
                  + " 'C': {'Type': 'Pass', 'End': true}}}");
      String id = api.start(machine, Map.of("x", 1));
      api.awaitEnd(id, END);

      var events = api.history(id);

      assertThat(events)
          .extracting(e -> e.get("type"))
          .containsExactly(
              "ExecutionStarted",
              "PassStateEntered",
              "PassStateExited",
              "PassStateEntered",
              "PassStateExited",
              "PassStateEntered",
              "PassStateExited",
              "ExecutionSucceeded");
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i))
            .containsEntry("id", i + 1)
            .containsEntry("previousEventId", i)
            .containsKeys("timestamp", "details");
      }
      assertThat(events.getFirst().get("details"))
          .isEqualTo(Map.of("input", Map.of("x", 1), "stateMachine", machine, "revision", 1));
      assertThat(events.get(1).get("details"))
          .isEqualTo(Map.of("name", "A", "input", Map.of("x", 1)));

      assertThat(pageThrough(id, 3, false)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
      assertThat(pageThrough(id, 3, true)).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
      assertThat(pageThrough(id, 1000, true)).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
    }

    private List<Object> pageThrough(String id, int pageSize, boolean reverse) {
      var ids = new ArrayList<Object>();
      String token = null;
      do {
        var page =
            api.get(
                    "/v1/executions/"
                        + id
                        + "/history?pageSize="
                        + pageSize
                        + "&reverse="
                        + reverse
                        + (token == null ? "" : "&pageToken=" + token))
                .json();
        var events = list(page.get("events"));
        assertThat(events).hasSizeLessThanOrEqualTo(pageSize);
        events.forEach(e -> ids.add(e.get("id")));
        token = (String) page.get("nextPageToken");
      } while (token != null);
      return ids;
    }

    @Test
    void stopAbortsAndCancelsTheWait() {
      String stopped = stateMachine(waitSeconds(1));
      String barrier = stateMachine(waitSeconds(2));
      String id = api.start(stopped, Map.of());

      var response =
          api.post(
              "/v1/executions/" + id + "/stop",
              Map.of("error", "Stopped.ByTest", "cause", "enough"));
      // A later timer firing shows that the stopped execution's timer would have fired by now.
      var later = api.awaitEnd(api.start(barrier, Map.of()), END);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json())
          .containsEntry("status", "ABORTED")
          .containsEntry("error", "Stopped.ByTest")
          .containsEntry("cause", "enough");
      assertThat(later).containsEntry("status", "SUCCEEDED");
      assertThat(api.execution(id)).containsEntry("status", "ABORTED");
      var events = api.history(id);
      assertThat(events)
          .extracting(e -> e.get("type"))
          .doesNotContain("WaitStateExited", "ExecutionSucceeded");
      assertThat(events.getLast())
          .containsEntry("type", "ExecutionAborted")
          .containsEntry("details", Map.of("error", "Stopped.ByTest", "cause", "enough"));
      assertThat(api.post("/v1/executions/" + id + "/stop", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void stoppingAFinishedExecutionConflicts() {
      String id = api.start(stateMachine(PASS), Map.of());
      api.awaitEnd(id, END);

      var response = api.postRaw("/v1/executions/" + id + "/stop", "");

      assertThat(response.status()).isEqualTo(409);
      assertThat(api.execution(id)).containsEntry("status", "SUCCEEDED");
    }

    @Test
    void timesOutAfterTheDefinitionsTimeoutSeconds() {
      String machine =
          stateMachine(
              "{'TimeoutSeconds': 1, 'StartAt': 'W', 'States': {'W': {'Type': 'Wait', 'Seconds': 60, 'End': true}}}");

      String id = api.start(machine, Map.of());
      var ended = api.awaitEnd(id, END);

      assertThat(ended).containsEntry("status", "TIMED_OUT");
      assertThat(types(id)).last().isEqualTo("ExecutionTimedOut");
    }
  }

  @Nested
  class Tasks {
    @Test
    void sendsTheEffectiveInputWithIdentifyingHeaders() {
      String machine =
          stateMachine(
              "{'StartAt': 'Call', 'States': {'Call': {'Type': 'Task', 'Resource': '"
                  + endpoint.url("/echo")
                  + "',"
                  + " 'Parameters': {'order.$': '$.order', 'fixed': 1}, 'ResultPath': '$.echoed', 'End': true}}}");

      String id = api.start(machine, Map.of("order", 42, "other", "x"));
      var ended = api.awaitEnd(id, END);

      assertThat(ended).containsEntry("status", "SUCCEEDED");
      assertThat(ended.get("output"))
          .isEqualTo(json("{'order': 42, 'other': 'x', 'echoed': {'order': 42, 'fixed': 1}}"));
      var call =
          endpoint.calls("/echo").stream()
              .filter(c -> id.equals(c.header("Stepwise-Execution-Id")))
              .findFirst()
              .orElseThrow();
      assertThat(call.body()).isEqualTo(json("{'order': 42, 'fixed': 1}"));
      assertThat(call.header("Stepwise-State-Name")).isEqualTo("Call");
      assertThat(call.header("Stepwise-Attempt")).isEqualTo("1");
      assertThat(call.header("Idempotency-Key")).isNotBlank();
      assertThat(call.header("Content-Type")).startsWith("application/json");
      assertThat(types(id))
          .containsExactly(
              "ExecutionStarted",
              "TaskStateEntered",
              "TaskScheduled",
              "TaskStarted",
              "TaskSucceeded",
              "TaskStateExited",
              "ExecutionSucceeded");
    }

    @Test
    void catchesTheEndpointsOwnErrorName() {
      String machine =
          stateMachine(
              "{'StartAt': 'Call', 'States': {'Call': {'Type': 'Task', 'Resource': '"
                  + endpoint.url("/fail")
                  + "',"
                  + " 'Catch': [{'ErrorEquals': ['Other'], 'Next': 'Wrong'}, {'ErrorEquals': ['MyError'], 'ResultPath': '$.err', 'Next': 'Caught'}],"
                  + " 'End': true},"
                  + " 'Wrong': {'Type': 'Fail', 'Error': 'Wrong'},"
                  + " 'Caught': {'Type': 'Pass', 'End': true}}}");

      String id = api.start(machine, Map.of("n", 1));
      var ended = api.awaitEnd(id, END);

      assertThat(ended).containsEntry("status", "SUCCEEDED");
      assertThat(ended.get("output"))
          .isEqualTo(json("{'n': 1, 'err': {'Error': 'MyError', 'Cause': 'why'}}"));
      assertThat(types(id)).contains("TaskFailed");
    }

    @Test
    void retriesWithTheNextAttemptNumberAndTheSameIdempotencyKey() {
      String machine =
          stateMachine(
              "{'StartAt': 'Call', 'States': {'Call': {'Type': 'Task', 'Resource': '"
                  + endpoint.url("/fail")
                  + "',"
                  + " 'Retry': [{'ErrorEquals': ['MyError'], 'IntervalSeconds': 1, 'MaxAttempts': 1}], 'End': true}}}");

      String id = api.start(machine, Map.of());
      var ended = api.awaitEnd(id, END);

      assertThat(ended)
          .containsEntry("status", "FAILED")
          .containsEntry("error", "MyError")
          .containsEntry("cause", "why");
      var calls =
          endpoint.calls("/fail").stream()
              .filter(c -> id.equals(c.header("Stepwise-Execution-Id")))
              .toList();
      assertThat(calls).extracting(c -> c.header("Stepwise-Attempt")).containsExactly("1", "2");
      assertThat(calls)
          .extracting(c -> c.header("Idempotency-Key"))
          .doesNotContainNull()
          .containsOnly(calls.getFirst().header("Idempotency-Key"));
    }

    @Test
    void catchesATaskTimeout() {
      String machine =
          stateMachine(
              "{'StartAt': 'Call', 'States': {'Call': {'Type': 'Task', 'Resource': '"
                  + endpoint.url("/slow")
                  + "',"
                  + " 'TimeoutSeconds': 1,"
                  + " 'Catch': [{'ErrorEquals': ['States.TaskFailed'], 'Next': 'Wrong'}, {'ErrorEquals': ['States.Timeout'], 'Next': 'Caught'}],"
                  + " 'End': true},"
                  + " 'Wrong': {'Type': 'Fail', 'Error': 'Wrong'},"
                  + " 'Caught': {'Type': 'Pass', 'End': true}}}");

      String id = api.start(machine, Map.of());
      var ended = api.awaitEnd(id, END);

      assertThat(ended).containsEntry("status", "SUCCEEDED");
      assertThat(((Map<?, ?>) ended.get("output")).get("Error")).isEqualTo("States.Timeout");
      assertThat(types(id)).contains("TaskTimedOut").doesNotContain("TaskSucceeded");
    }
  }

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
