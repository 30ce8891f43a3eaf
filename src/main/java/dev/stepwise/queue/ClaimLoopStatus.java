package dev.stepwise.queue;

import dev.stepwise.database.DatabaseFailures;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * How this node's claim loop ({@link ClaimDueWork}) is doing, as a read-only view for the metrics:
 * whether it claims work (it runs and its last iteration succeeded), and how many iterations failed
 * since start, with the database out of reach or otherwise.
 */
@Component
public class ClaimLoopStatus {
  private final AtomicLong databaseFailures = new AtomicLong();
  private final AtomicLong otherFailures = new AtomicLong();
  private volatile boolean running;
  private volatile boolean failing;

  /** Whether this node is claiming work: its loop runs and its last iteration succeeded. */
  public boolean claiming() {
    return running && !failing;
  }

  /** Iterations that failed because the database was out of reach. */
  public long databaseFailures() {
    return databaseFailures.get();
  }

  /** Iterations that failed otherwise (a defect). */
  public long otherFailures() {
    return otherFailures.get();
  }

  void running(boolean running) {
    this.running = running;
  }

  void succeeded() {
    failing = false;
  }

  void failed(Exception e) {
    failing = true;
    (DatabaseFailures.isUnavailable(e) ? databaseFailures : otherFailures).incrementAndGet();
  }
}
