package dev.stepwise.execution;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Wakes the long polls of this replica when one of its transactions commits a new activity task.
 * Tasks created by other replicas are found by polling the database again, once a second.
 */
@Component
class ActivityWakeups {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, Long> generations = new ConcurrentHashMap<>();

  /** Read before looking for tasks; {@link #await} returns early once it moves on. */
  long generation(String activity) {
    return generations.getOrDefault(activity, 0L);
  }

  void await(String activity, long seen, Duration max) {
    lock.lock();
    try {
      long nanos = max.toNanos();
      while (generation(activity) == seen && nanos > 0) nanos = changed.awaitNanos(nanos);
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
}
