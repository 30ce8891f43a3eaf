package dev.stepwise.metrics;

import dev.stepwise.queue.LeasesTakenOver;
import dev.stepwise.queue.WorkHandedBack;
import dev.stepwise.queue.WorkItemHandled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The work items this node runs, tagged by {@code kind} (a handful of fixed values): {@code
 * stepwise.queue.item.delay}, how late each started after falling due (timers firing late show
 * here); {@code stepwise.step.duration}, how long each took; {@code
 * stepwise.queue.leases.taken.over}, items this node took over from a node whose lease ran out (no
 * tag); {@code stepwise.queue.handed.back}, items a stopping node gave back unfinished.
 */
@Component
class WorkMetrics {
  private final Meters meters;

  WorkMetrics(Meters meters) {
    this.meters = meters;
    // Present from the start, so that alerts and dashboards see zero rather than no series.
    handedBack().increment(0);
    takenOver().increment(0);
  }

  @EventListener
  void on(WorkItemHandled handled) {
    meters
        .timer(
            "stepwise.queue.item.delay",
            "How long after falling due a work item started running",
            Histograms::workDelay,
            "kind",
            handled.kind())
        .record(handled.delay());
    meters
        .timer(
            "stepwise.step.duration",
            "How long handling one work item took (a step, a Task request and its recording)",
            Histograms::stepDuration,
            "kind",
            handled.kind())
        .record(handled.duration());
  }

  @EventListener
  void on(LeasesTakenOver takenOver) {
    takenOver().increment(takenOver.items());
  }

  private io.micrometer.core.instrument.Counter takenOver() {
    return meters.counter(
        "stepwise.queue.leases.taken.over",
        "Work items claimed after another node's lease on them ran out");
  }

  @EventListener
  void on(WorkHandedBack handedBack) {
    handedBack().increment(handedBack.items());
  }

  private io.micrometer.core.instrument.Counter handedBack() {
    return meters.counter(
        "stepwise.queue.handed.back",
        "Work items a stopping node gave back unfinished for other nodes");
  }
}
