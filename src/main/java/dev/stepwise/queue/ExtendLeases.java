package dev.stepwise.queue;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The heartbeat: every third of a lease, extends the leases of the items this node is still working
 * on (long HTTP calls), so that only a dead node's work is taken over.
 */
@Component
public class ExtendLeases implements SmartLifecycle {
  /** Stops after {@link LocalWork}: the leases of work still finishing must not run out. */
  static final int PHASE = LocalWork.PHASE - 1;

  private static final Logger log = LoggerFactory.getLogger(ExtendLeases.class);

  private final DueWork dueWork;
  private final LocalWork local;
  private final QueueProperties properties;
  private final FailureRun failures = new FailureRun(log, "Extending leases");
  private ScheduledExecutorService scheduler;

  ExtendLeases(DueWork dueWork, LocalWork local, QueueProperties properties) {
    this.dueWork = dueWork;
    this.local = local;
    this.properties = properties;
  }

  @Override
  public void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("stepwise-leases").daemon().unstarted(r));
    long period = Math.max(1, properties.lease().toMillis() / 3);
    scheduler.scheduleWithFixedDelay(this::runOnce, period, period, TimeUnit.MILLISECONDS);
  }

  void runOnce() {
    try {
      dueWork.extendLeases(local.inFlightIds());
      failures.succeeded();
    } catch (RuntimeException e) {
      // Tried again next period; a lease that runs out meanwhile lets another node take over.
      failures.failed(e);
    }
  }

  @Override
  public void stop() {
    if (scheduler != null) scheduler.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return scheduler != null && !scheduler.isShutdown();
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
