package dev.stepwise.admission;

import dev.stepwise.admission.ThrottledException.Reason;
import dev.stepwise.queue.Backlog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Bounds the work a node accepts. Requests run on virtual threads, so nothing else stops a burst of
 * starts from queueing on the connection pool until every start is slow; instead, a start runs only
 * with a permit (a fair semaphore, so waiters go first come, first served) and is refused when none
 * frees up within {@code maxWait}, or at once when the work queue is already behind. Only starts
 * and redrives ask: reads, stops and task answers are never refused, since they finish work rather
 * than add it.
 */
@Component
public class Admission {
  private static final Permit NO_PERMIT = () -> {};

  private final AdmissionProperties properties;
  private final Supplier<Backlog.Sample> backlog;
  private final Semaphore starts;
  private final Map<Reason, Counter> throttled = new EnumMap<>(Reason.class);

  @Autowired
  Admission(AdmissionProperties properties, Backlog backlog, MeterRegistry registry) {
    this(properties, backlog::current, registry);
  }

  Admission(
      AdmissionProperties properties, Supplier<Backlog.Sample> backlog, MeterRegistry registry) {
    this.properties = properties;
    this.backlog = backlog;
    this.starts =
        properties.maxConcurrentStarts() > 0
            ? new Semaphore(properties.maxConcurrentStarts(), true)
            : null;
    for (Reason reason : Reason.values()) {
      throttled.put(
          reason,
          Counter.builder("stepwise.admission.throttled")
              .description("Starts and redrives refused because this node is overloaded")
              .tag("reason", reason.name().toLowerCase())
              .register(registry));
    }
  }

  /** A turn to start something; close it when the start's transaction has ended. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Waits (at most {@code maxWait}) for a turn to start an execution.
   *
   * @throws ThrottledException when the node is overloaded
   */
  public Permit admit() {
    checkBacklog();
    if (starts == null) return NO_PERMIT;
    boolean acquired;
    try {
      acquired = starts.tryAcquire(properties.maxWait().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw refuse(
          Reason.CONCURRENCY,
          "Too many executions are being started on this node; try again later");
    }
    return starts::release;
  }

  private void checkBacklog() {
    var sample = backlog.get();
    if (properties.maxBacklog() > 0 && sample.due() > properties.maxBacklog()) {
      throw refuse(
          Reason.BACKLOG,
          "The work queue holds "
              + sample.due()
              + " due items (limit "
              + properties.maxBacklog()
              + "); try again later");
    }
    Duration maxLag = properties.maxLag();
    if (maxLag.isPositive() && sample.lag().compareTo(maxLag) > 0) {
      throw refuse(
          Reason.LAG,
          "The work queue is %.1f s behind (limit %.1f s); try again later"
              .formatted(sample.lag().toMillis() / 1000.0, maxLag.toMillis() / 1000.0));
    }
  }

  private ThrottledException refuse(Reason reason, String message) {
    throttled.get(reason).increment();
    return new ThrottledException(reason, properties.retryAfter(), message);
  }
}
