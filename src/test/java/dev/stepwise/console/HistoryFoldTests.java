package dev.stepwise.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Resources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryFoldTests {
  private final List<HistoryRows.Event> events = new ArrayList<>();

  private void event(String type, Object... details) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < details.length; i += 2) map.put((String) details[i], details[i + 1]);
    events.add(
        new HistoryRows.Event(events.size() + 1, Instant.ofEpochSecond(events.size()), type, map));
  }

  private Map<String, ExecutionStates.StateSummary> fold(String definition, String status) {
    var outline = new DefinitionOutline(DefinitionGraph.of(Json.parse(definition)));
    var fold = new HistoryFold(outline).fold(events, status);
    var progress = new ExecutionRows.Progress(status, events.size(), Instant.EPOCH, "m", 1);
    return ExecutionStates.of("id", progress, fold).states();
  }

  private static final String RETRY = Resources.text("/seed/retry.json");
  private static final String LAMBDA =
      "arn:aws:lambda:us-east-1:123456789012:function:UnreliableFunction";

  @Test
  void aFailedTaskWaitingForItsNextAttemptIsRetrying() {
    event("ExecutionStarted");
    event("TaskStateEntered", "name", "FailingTask", "input", Map.of());
    event("TaskScheduled", "resource", LAMBDA);
    event("TaskStarted", "resource", LAMBDA);
    event("TaskFailed", "resource", LAMBDA, "error", "States.TaskFailed", "cause", "boom");

    var states = fold(RETRY, "RUNNING");

    assertThat(states.get("FailingTask").status()).isEqualTo("retrying");
    assertThat(states).doesNotContainKey("ErrorHandler");

    event("TaskScheduled", "resource", LAMBDA);
    assertThat(fold(RETRY, "RUNNING").get("FailingTask").status()).isEqualTo("running");
  }

  @Test
  void aFailureTheCatchTakesIsCaughtAndTheFailStateFailed() {
    event("ExecutionStarted");
    event("TaskStateEntered", "name", "FailingTask", "input", Map.of());
    event("TaskScheduled", "resource", LAMBDA);
    event("TaskFailed", "resource", LAMBDA, "error", "States.TaskFailed");
    event("FailStateEntered", "name", "ErrorHandler", "input", Map.of());
    event("ExecutionFailed");

    var states = fold(RETRY, "FAILED");

    assertThat(states.get("FailingTask").status()).isEqualTo("caught");
    assertThat(states.get("ErrorHandler").status()).isEqualTo("failed");
  }

  @Test
  void anUncaughtFailureFailsTheState() {
    event("ExecutionStarted");
    event("TaskStateEntered", "name", "FirstTask", "input", Map.of());
    event("TaskScheduled", "resource", "r");
    event("TaskFailed", "resource", "r", "error", "Boom");
    event("ExecutionFailed", "error", "Boom");

    var states = fold(Resources.text("/seed/sequential.json"), "FAILED");

    assertThat(states.get("FirstTask").status()).isEqualTo("failed");
  }

  @Test
  void aTaskWaitingForItsCallbackIsWaitingAndAStopCancelsIt() {
    event("ExecutionStarted");
    event("TaskStateEntered", "name", "FirstTask", "input", Map.of());
    event("TaskScheduled", "resource", "r.waitForTaskToken");
    event("TaskStarted", "resource", "r.waitForTaskToken");
    event("TaskSubmitted", "resource", "r.waitForTaskToken");
    String sequential = Resources.text("/seed/sequential.json");

    assertThat(fold(sequential, "RUNNING").get("FirstTask").status()).isEqualTo("waiting");

    event("ExecutionAborted");
    assertThat(fold(sequential, "ABORTED").get("FirstTask").status()).isEqualTo("cancelled");
  }

  @Test
  void aRedrivenStateShowsItsNewEntry() {
    event("ExecutionStarted");
    event("TaskStateEntered", "name", "FirstTask", "input", Map.of());
    event("TaskScheduled", "resource", "r");
    event("TaskFailed", "resource", "r", "error", "Boom");
    event("ExecutionFailed");
    event("ExecutionRedriven");
    event("TaskStateEntered", "name", "FirstTask", "input", Map.of());
    event("TaskScheduled", "resource", "r");
    event("TaskSucceeded", "resource", "r", "output", 1);
    event("TaskStateExited", "name", "FirstTask", "output", 1);

    var first = fold(Resources.text("/seed/sequential.json"), "RUNNING").get("FirstTask");

    assertThat(first.status()).isEqualTo("succeeded");
    assertThat(first.counts()).isEqualTo(Map.of("failed", 1, "succeeded", 1));
  }

  @Test
  void aMapCountsItsIterationsAndItsStatesEntries() {
    String map =
        """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
          "ItemProcessor": {"StartAt": "Touch", "States": {"Touch": {"Type": "Pass", "End": true}}}}}}
        """;
    event("ExecutionStarted");
    event("MapStateEntered", "name", "Each", "input", List.of(1, 2, 3));
    event("MapStateStarted", "length", 3);
    for (int i = 0; i < 3; i++) event("MapIterationStarted", "name", "Each", "index", i);
    for (int i = 0; i < 2; i++) {
      event("PassStateEntered", "name", "Touch", "input", i);
      event("PassStateExited", "name", "Touch", "output", i);
      event("MapIterationSucceeded", "name", "Each", "index", i);
    }
    event("PassStateEntered", "name", "Touch", "input", 2);

    var states = fold(map, "RUNNING");

    assertThat(states.get("Each").iterations())
        .isEqualTo(new ExecutionStates.MapCounts(3, 1, 2, 0, 0));
    assertThat(states.get("Each").status()).isEqualTo("running");
    assertThat(states.get("Touch").entries()).isEqualTo(3);
    assertThat(states.get("Touch").status()).isEqualTo("running");
  }
}
