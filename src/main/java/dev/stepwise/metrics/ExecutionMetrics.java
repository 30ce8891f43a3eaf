package dev.stepwise.metrics;

import dev.stepwise.execution.ExecutionChanged;
import dev.stepwise.execution.TaskCompleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what committed transactions did, and what Task requests did, in Micrometer meters named as
 * the product contract says. Tagged by state machine (bounded: {@link Meters#stateMachine}), never
 * by execution; the timers are histograms ({@link Histograms}).
 */
@Component
class ExecutionMetrics {
  /** Task errors are named by the endpoints: bounded like state machines. */
  private static final int MAX_OUTCOMES = 50;

  private static final String STATE_ENTERED = "StateEntered";
  private final Meters meters;
  private final BoundedTag outcomes = new BoundedTag(MAX_OUTCOMES);

  ExecutionMetrics(Meters meters) {
    this.meters = meters;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ExecutionChanged committed) {
    String machine = meters.stateMachine(committed.stateMachine());
    for (String type : committed.eventTypes()) {
      if (type.endsWith(STATE_ENTERED)) {
        String stateType = type.substring(0, type.length() - STATE_ENTERED.length());
        meters
            .counter(
                "stepwise.state.transitions",
                "States entered, by state type",
                "state_machine",
                machine,
                "type",
                stateType)
            .increment();
      } else if (type.equals("ExecutionStarted")) {
        meters
            .counter("stepwise.executions.started", "Executions started", "state_machine", machine)
            .increment();
      }
    }
    if (committed.finished() != null) {
      String status = committed.finished().name();
      meters
          .counter(
              "stepwise.executions.finished",
              "Executions ended, by status",
              "state_machine",
              machine,
              "status",
              status)
          .increment();
      meters
          .timer(
              "stepwise.execution.duration",
              "How long executions ran, from start to end",
              Histograms::executionDuration,
              "state_machine",
              machine,
              "status",
              status)
          .record(committed.duration());
    }
  }

  @EventListener
  void on(TaskCompleted completed) {
    String machine = meters.stateMachine(completed.stateMachine());
    String outcome = completed.error() == null ? "success" : outcomes.of(completed.error());
    meters
        .timer(
            "stepwise.task.requests",
            "Task requests sent to endpoints, by outcome (success or the ASL error)",
            Histograms::taskRequest,
            "state_machine",
            machine,
            "outcome",
            outcome)
        .record(completed.duration());
    if (completed.attempt() > 1) {
      meters
          .counter(
              "stepwise.task.retries",
              "Task requests that were retries (Retry)",
              "state_machine",
              machine)
          .increment();
    }
  }
}
