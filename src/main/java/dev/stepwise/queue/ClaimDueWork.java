package dev.stepwise.queue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The claim loop: claims as much due work as this node has capacity for, hands it to {@link
 * LocalWork}, then sleeps until the next item falls due, a notification says new work arrived, or
 * the poll interval passes. A failed iteration is logged (calmly while the database is out of
 * reach) and the loop backs off, then goes on by itself.
 */
@Component
public class ClaimDueWork implements SmartLifecycle {
  /** Stops after the web server's graceful shutdown (whose phases are above this). */
  static final int PHASE = LocalWork.PHASE + 1;

  private static final Logger log = LoggerFactory.getLogger(ClaimDueWork.class);
  private static final long MIN_WAIT_MILLIS = 5;

  private final DueWork dueWork;
  private final LocalWork local;
  private final WakeUps wakeUps;
  private final QueueProperties properties;
  private final Clock clock;
  private final ClaimLoopStatus status;
  private final FailureRun failures = new FailureRun(log, "Claiming work");
  private volatile boolean running;
  private Thread thread;

  ClaimDueWork(
      DueWork dueWork,
      LocalWork local,
      WakeUps wakeUps,
      QueueProperties properties,
      Clock clock,
      ClaimLoopStatus status) {
    this.dueWork = dueWork;
    this.local = local;
    this.wakeUps = wakeUps;
    this.properties = properties;
    this.clock = clock;
    this.status = status;
  }

  @Override
  public void start() {
    running = true;
    status.running(true);
    thread = Thread.ofPlatform().name("stepwise-claimer").daemon().start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    status.running(false);
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    wakeUps.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private void loop() {
    while (running) {
      try {
        int claimed = runOnce();
        failures.succeeded();
        status.succeeded();
        if (claimed > 0) continue;
        waitForWork();
      } catch (Exception e) {
        if (!running) break;
        failures.failed(e);
        status.failed(e);
        wakeUps.close();
        sleep(failures.backoff());
      }
    }
  }

  /**
   * Claims and starts what is due, up to this node's free capacity. Returns the number claimed when
   * the batch came back full (there may be more), else 0.
   */
  int runOnce() {
    int want = 0;
    while (want < properties.batchSize() && local.reserve()) want++;
    if (want == 0) {
      sleep(Duration.ofMillis(MIN_WAIT_MILLIS));
      return 0;
    }
    var items = dueWork.claim(want);
    for (int i = items.size(); i < want; i++) local.release();
    items.forEach(local::run);
    return items.size() == want ? items.size() : 0;
  }

  private void waitForWork() throws SQLException, InterruptedException {
    long waitMillis = properties.pollInterval().toMillis();
    Instant next = dueWork.nextDue();
    if (next != null) {
      // Wake when the next item comes within claim-ahead of its due time (rounded up: waking a
      // fraction of a millisecond early finds nothing to claim and costs another round).
      Instant claimable = next.minus(properties.claimAhead());
      long untilClaimable = Duration.between(clock.instant(), claimable).toNanos();
      waitMillis = Math.min(waitMillis, Math.ceilDiv(untilClaimable, 1_000_000L));
    }
    waitMillis = Math.max(waitMillis, 1);
    wakeUps.await(Duration.ofMillis(waitMillis));
  }

  private void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
