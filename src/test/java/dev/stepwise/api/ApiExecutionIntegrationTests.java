package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The execution endpoints of the REST API: start, wait, describe, list, history, stop and timeouts.
 */
class ApiExecutionIntegrationTests extends ApiIntegrationSupport {
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

    var finished = api.post("/v1/state-machines/" + quick + "/executions?waitSeconds=20", Map.of());
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
    assertThat(failed.getFirst()).containsEntry("error", "Told").containsEntry("status", "FAILED");
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
            "/v1/executions/" + id + "/stop", Map.of("error", "Stopped.ByTest", "cause", "enough"));
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
