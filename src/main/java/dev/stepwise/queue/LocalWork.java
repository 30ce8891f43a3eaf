package dev.stepwise.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The work this node runs: at most {@code maxInFlight} items at once, each on a virtual thread,
 * since most of the time goes to waiting on HTTP endpoints and the database.
 */
@Component
public class LocalWork implements SmartLifecycle {
  /** Stops after {@link ClaimDueWork} (which stops after the web server), before the database. */
  static final int PHASE = ClaimDueWork.PHASE - 1;

  private static final Logger log = LoggerFactory.getLogger(LocalWork.class);

  private final Semaphore capacity;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<Long, WorkItem> inFlight = new ConcurrentHashMap<>();
  private final ObjectProvider<List<WorkHandler>> handlerProvider;
  private final ObjectProvider<WorkQueue> queue;
  private final Clock clock;
  private volatile Map<String, WorkHandler> handlers;
  private volatile boolean closed;

  LocalWork(
      QueueProperties properties,
      ObjectProvider<List<WorkHandler>> handlerProvider,
      ObjectProvider<WorkQueue> queue,
      Clock clock) {
    this.capacity = new Semaphore(properties.maxInFlight());
    this.handlerProvider = handlerProvider;
    this.queue = queue;
    this.clock = clock;
  }

  /** Takes one unit of capacity, if there is any; pair with {@link #run} or {@link #release}. */
  boolean reserve() {
    return !closed && capacity.tryAcquire();
  }

  void release() {
    capacity.release();
  }

  /** Runs a claimed item; its capacity was reserved. */
  void run(WorkItem item) {
    inFlight.put(item.id(), item);
    try {
      executor.execute(() -> handle(item));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Shutting down: the claim's lease runs out and another node takes the item.
      inFlight.remove(item.id());
      capacity.release();
    }
  }

  private void handle(WorkItem item) {
    try {
      WorkHandler handler = handlers().get(item.kind());
      if (handler == null) throw new IllegalStateException("no handler for " + item.kind());
      handler.handle(item);
    } catch (RuntimeException e) {
      log.warn("Work item {} ({}) failed; it runs again in 5 s", item.id(), item.kind(), e);
      try {
        queue.getObject().release(item, clock.instant().plus(Duration.ofSeconds(5)));
      } catch (RuntimeException again) {
        log.warn("Could not release work item {}; its lease will expire", item.id(), again);
      }
    } finally {
      inFlight.remove(item.id());
      capacity.release();
    }
  }

  private Map<String, WorkHandler> handlers() {
    if (handlers == null) {
      handlers =
          handlerProvider.getObject().stream()
              .collect(Collectors.toMap(WorkHandler::kind, Function.identity()));
    }
    return handlers;
  }

  /** Items this node is running now. */
  int running() {
    return inFlight.size();
  }

  List<Long> inFlightIds() {
    return List.copyOf(inFlight.keySet());
  }

  @Override
  public void start() {
    closed = false;
  }

  /**
   * Lets the work in flight finish (up to 10 s), then gives back this node's remaining claims so
   * that another replica, or this one after a restart, takes them at once instead of waiting for
   * the leases to run out.
   */
  @Override
  public void stop() {
    closed = true;
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) executor.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      queue.getObject().releaseClaims();
    } catch (RuntimeException e) {
      log.warn("Could not give back this node's claims; their leases will expire", e);
    }
  }

  @Override
  public boolean isRunning() {
    return !closed;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
