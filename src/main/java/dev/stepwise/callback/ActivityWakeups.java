package dev.stepwise.callback;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Wakes the long polls of this replica when one of its transactions commits a new activity task.
 * Tasks created by other replicas are found by polling the database again, once a second.
 *
 * <p>When the service stops, the long polls in progress end at once (with no task), before the web
 * server waits for its requests to finish: a poll may otherwise hold the stop for a minute.
 */
@Component
class ActivityWakeups implements SmartLifecycle {
  /** Stops before the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}). */
  private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, Long> generations = new ConcurrentHashMap<>();
  private volatile boolean stopping;
  private volatile boolean running;

  /** True once the service is stopping: long polls give up. */
  boolean stopping() {
    return stopping;
  }

  /** Read before looking for tasks; {@link #await} returns early once it moves on. */
  long generation(String activity) {
    return generations.getOrDefault(activity, 0L);
  }

  void await(String activity, long seen, Duration max) {
    lock.lock();
    try {
      long nanos = max.toNanos();
      while (!stopping && generation(activity) == seen && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CallbackOpened opened) {
    if (opened.activity() == null) return;
    lock.lock();
    try {
      generations.merge(opened.activity(), 1L, Long::sum);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void start() {
    stopping = false;
    running = true;
  }

  @Override
  public void stop() {
    lock.lock();
    try {
      stopping = true;
      running = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
