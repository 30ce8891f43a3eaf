package dev.stepwise.asl;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How much time and memory the user-written computations of one step (JSONata, JSONPath, intrinsic
 * functions, Choice rules, templates) may use. The step holds its execution's row lock while they
 * run, so an expression that never ends must fail instead: every evaluator checks {@link #tick()}
 * inside its loops and {@link #checkSize} before or after building a value, and turns {@link
 * Exceeded} into the error AWS uses for it.
 *
 * <p>The bound is cooperative: a Java thread cannot be stopped safely, so the checks live in our
 * own code (the JSONata evaluation callbacks, our replacements of the JSONata built-ins that loop
 * or allocate internally, the JSONPath provider and the intrinsic functions). {@link #tick()} also
 * lets a long computation on a virtual thread give its carrier to other work now and then, so one
 * busy step does not starve the node (health checks, other steps).
 *
 * <p>The engine installs one budget per step ({@link #within}); evaluations outside a step (tests,
 * validation) get a fresh default budget each.
 */
public final class EvaluationBudget {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** Memory is bounded relative to the payload limit: a few payloads' worth of new values. */
  public static final int PAYLOADS_OF_MEMORY = 4;

  private static final int DEFAULT_PAYLOAD = 256 * 1024;
  private static final long YIELD_EVERY_NANOS = 20_000_000;
  private static final ThreadLocal<EvaluationBudget> CURRENT = new ThreadLocal<>();

  private final Duration timeout;
  private final long startedNanos;
  private final long deadlineNanos;
  private final long maxBytes;
  private long lastYield;

  public EvaluationBudget(Duration timeout, long maxBytes) {
    this.timeout = timeout;
    this.startedNanos = System.nanoTime();
    this.deadlineNanos = startedNanos + timeout.toNanos();
    this.maxBytes = maxBytes;
    this.lastYield = startedNanos;
  }

  /** A budget for one step with these limits. */
  public static EvaluationBudget forPayload(Duration timeout, int payloadBytes) {
    return new EvaluationBudget(timeout, (long) PAYLOADS_OF_MEMORY * payloadBytes);
  }

  /** The budget of the step running on this thread, or a fresh default one. */
  public static EvaluationBudget current() {
    EvaluationBudget budget = CURRENT.get();
    return budget != null ? budget : forPayload(DEFAULT_TIMEOUT, DEFAULT_PAYLOAD);
  }

  /** Runs {@code work} with {@code budget} as the {@link #current()} one. */
  public static <T> T within(EvaluationBudget budget, Supplier<T> work) {
    EvaluationBudget previous = CURRENT.get();
    CURRENT.set(budget);
    try {
      return work.get();
    } finally {
      if (previous == null) CURRENT.remove();
      else CURRENT.set(previous);
    }
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Whether more than half the time is gone (a chain of states yields rather than risk failing).
   */
  public boolean halfSpent() {
    return System.nanoTime() - startedNanos > timeout.toNanos() / 2;
  }

  /**
   * Called often from inside evaluation loops: fails past the deadline, and now and then yields the
   * thread so a virtual thread's carrier serves other work too.
   */
  public void tick() {
    long now = System.nanoTime();
    if (now - deadlineNanos > 0) {
      throw new Exceeded(
          "The evaluation took longer than the limit of " + timeout.toMillis() + " ms");
    }
    if (now - lastYield > YIELD_EVERY_NANOS) {
      lastYield = now;
      Thread.yield();
    }
  }

  /**
   * Fails when a value of {@code bytes} (its JSON size, estimated) would exceed the memory bound.
   */
  public void checkSize(long bytes) {
    if (bytes > maxBytes) {
      throw new Exceeded(
          "The evaluation would build a value larger than the limit of " + maxBytes + " bytes");
    }
  }

  /**
   * The JSON size of {@code value}, estimated; values in {@code shared} (the inputs the computation
   * reads, which it did not allocate) count as one byte. Counting stops a little past the memory
   * bound, so the cost of sizing a huge value is bounded too.
   */
  public long sizeOf(Object value, Set<Object> shared) {
    return new Sizer(shared).size(value);
  }

  /** An estimate of the JSON size of a value, giving up once it exceeds the bound. */
  private final class Sizer {
    private final Set<Object> shared;
    private long total;
    private int visits;

    Sizer(Set<Object> shared) {
      this.shared = shared;
    }

    long size(Object value) {
      add(value);
      return total;
    }

    private void add(Object value) {
      if (total > maxBytes) return;
      if ((++visits & 0xFFF) == 0) tick();
      if (value == null) {
        total += 4;
      } else if (shared != null && !(value instanceof Number) && shared.contains(value)) {
        total += 1;
      } else if (value instanceof CharSequence s) {
        total += s.length() + 2L;
      } else if (value instanceof Map<?, ?> map) {
        total += 2;
        for (var entry : map.entrySet()) {
          if (total > maxBytes) return;
          total += String.valueOf(entry.getKey()).length() + 4L;
          add(entry.getValue());
        }
      } else if (value instanceof List<?> list) {
        total += 2;
        // Indexed: a JSONata range is a list that computes its items on demand.
        for (int i = 0, n = list.size(); i < n; i++) {
          if (total > maxBytes) return;
          total += 1;
          add(list.get(i));
        }
      } else if (value instanceof Integer || value instanceof Long) {
        total += digits(((Number) value).longValue());
      } else {
        total += 8;
      }
    }
  }

  /** The bound {@code failure} went past, when it went past one (a library may wrap it). */
  public static Exceeded exceeded(Throwable failure) {
    int hops = 0;
    for (Throwable t = failure; t != null && hops++ < 16; t = t.getCause()) {
      if (t instanceof Exceeded exceeded) return exceeded;
    }
    return null;
  }

  private static int digits(long n) {
    int digits = n < 0 ? 2 : 1;
    for (long rest = Math.abs(n / 10); rest > 0; rest /= 10) digits++;
    return digits;
  }

  /** A computation went past its time or memory bound. */
  public static final class Exceeded extends RuntimeException {
    public Exceeded(String message) {
      super(message, null, false, false);
    }
  }
}
