package dev.stepwise.children;

import dev.stepwise.execution.ChangeRequest;
import dev.stepwise.execution.ExecutionTransactions;
import dev.stepwise.execution.LimitsProperties;
import dev.stepwise.execution.StepApplier;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Changes a running map run's concurrency and tolerated failures (AWS's UpdateMapRun), in one
 * transaction of its parent execution: the engine's fork decides what follows (children that now
 * have a slot start; failures beyond a lowered tolerance fail the map run at once), the forking
 * token keeps the new plan, and {@link MapRunSettings} records it for DescribeMapRun.
 */
@Component
public class MapRunUpdates {
  private final ExecutionTransactions transactions;
  private final StepApplier applier;
  private final MapRunSettings settings;
  private final Duration lockWait;

  MapRunUpdates(
      ExecutionTransactions transactions,
      StepApplier applier,
      MapRunSettings settings,
      LimitsProperties limits) {
    this.transactions = transactions;
    this.applier = applier;
    this.settings = settings;
    // A step may hold the parent's lock up to the evaluation bound.
    this.lockWait = limits.evaluationTimeout().plusSeconds(2);
  }

  /**
   * Updates map run {@code run} of the execution {@code parent}; a null setting stays as it is.
   * Returns false when the map run has ended (or its execution has): nothing changes then.
   *
   * @throws org.springframework.dao.PessimisticLockingFailureException when the parent stayed
   *     locked longer than a step may hold it
   */
  public boolean update(
      UUID parent,
      int run,
      Integer maxConcurrency,
      Long toleratedFailureCount,
      Double toleratedFailurePercentage) {
    var updated = new AtomicBoolean();
    transactions.run(
        ChangeRequest.on(
                parent,
                change -> {
                  var plan =
                      applier.updateDistributedMap(
                          change,
                          run,
                          maxConcurrency,
                          toleratedFailureCount,
                          toleratedFailurePercentage);
                  if (plan.isEmpty()) return false;
                  var setting =
                      new MapRunSettings.Setting(
                          plan.get().maxConcurrency(),
                          plan.get().toleratedFailureCount(),
                          plan.get().toleratedFailurePercentage());
                  settings.save(parent, run, setting, change.now());
                  updated.set(true);
                  return true;
                })
            .waitingAtMost(lockWait));
    return updated.get();
  }
}
