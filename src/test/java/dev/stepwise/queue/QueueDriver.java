package dev.stepwise.queue;

import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.time.Instant;

/**
 * Drives an instance's claimer and lease extender by hand, so that a test which moved the
 * instance's clock forward sees the work that fell due run now, rather than sleeping until the
 * background loops come round.
 */
public final class QueueDriver {
  private final ClaimDueWork claimer;
  private final ExtendLeases leases;
  private final LocalWork local;

  public QueueDriver(StepwiseInstance instance) {
    this.claimer = instance.bean(ClaimDueWork.class);
    this.leases = instance.bean(ExtendLeases.class);
    this.local = instance.bean(LocalWork.class);
  }

  /**
   * Claims everything due by the instance's clock and waits until this node has run it all (and
   * whatever that work enqueued to run at once).
   */
  public void runDueWork() {
    Instant deadline = Instant.now().plusSeconds(30);
    do {
      while (claimer.runOnce() > 0) {
        // A full batch: there may be more.
      }
      while (local.running() > 0) {
        if (Instant.now().isAfter(deadline)) throw new AssertionError("due work still running");
        pause();
      }
    } while (claimer.runOnce() > 0 || local.running() > 0);
  }

  /** Extends the leases of the work this node runs, as the heartbeat does. */
  public void extendLeases() {
    leases.runOnce();
  }

  private static void pause() {
    try {
      Thread.sleep(Duration.ofMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
