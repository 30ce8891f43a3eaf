package dev.stepwise.queue;

import dev.stepwise.database.DatabaseFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The work this node runs: at most {@code maxInFlight} items at once, each on a virtual thread,
 * since most of the time goes to waiting on HTTP endpoints and the database.
 *
 * <p>On stop it takes no more work, lets what runs finish for up to {@code shutdownGrace}, then
 * abandons the calls still waiting on remote endpoints and hands every item it still holds back to
 * the queue, so that another replica takes them at once rather than after their leases.
 */
@Component
public class LocalWork implements SmartLifecycle {
  /**
   * Stops after {@link ClaimDueWork} (whose phase is one above, and which stops after the web
   * server), before the database.
   */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4097;

  /** How long abandoned calls get to unwind (they only record nothing and hand back). */
  private static final Duration UNWIND = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(LocalWork.class);

  private final Semaphore capacity;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<Long, WorkItem> inFlight = new ConcurrentHashMap<>();
  private final Set<Thread> remoteCalls = new HashSet<>(); // guarded by itself
  private final ObjectProvider<List<WorkHandler>> handlerProvider;
  private final Claims claims;
  private final Duration shutdownGrace;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final FailureRun outage = new FailureRun(log, "Running work items");
  private volatile Map<String, WorkHandler> handlers;
  private volatile boolean closed;
  private boolean abandoning; // guarded by remoteCalls

  LocalWork(
      QueueProperties properties,
      ObjectProvider<List<WorkHandler>> handlerProvider,
      Claims claims,
      Clock clock,
      ApplicationEventPublisher events) {
    this.capacity = new Semaphore(properties.maxInFlight());
    this.handlerProvider = handlerProvider;
    this.claims = claims;
    this.shutdownGrace = properties.shutdownGrace();
    this.clock = clock;
    this.events = events;
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
    } catch (RejectedExecutionException e) {
      // Stopping: give it back at once for another node to run.
      inFlight.remove(item.id(), item);
      capacity.release();
      handBack(item);
    }
  }

  /**
   * Runs a call to a remote party (an HTTP Task) that a stopping node may abandon once its grace
   * has run out: the call then throws {@link CancellationException}, nothing of it is recorded, and
   * the item goes back to the queue, so that another node makes the call again (with the same
   * idempotency key). Only such calls are interrupted: a thread inside a database transaction is
   * always let finish.
   */
  public <T> T callRemote(Supplier<T> call) {
    Thread current = Thread.currentThread();
    synchronized (remoteCalls) {
      if (abandoning) throw new CancellationException("This node is stopping");
      remoteCalls.add(current);
    }
    try {
      return call.get();
    } finally {
      synchronized (remoteCalls) {
        remoteCalls.remove(current);
        // An interrupt meant for the call must not reach the database work that follows.
        if (abandoning) Thread.interrupted();
      }
    }
  }

  /** Runs the item with its execution in the log context, and says how it went. */
  private void handle(WorkItem item) {
    awaitDue(item);
    Instant started = clock.instant();
    long startedNanos = System.nanoTime();
    String execution = item.executionId() == null ? null : item.executionId().toString();
    try (var scope = LogContext.execution(execution)) {
      handleInContext(item);
    } finally {
      Duration delay = Duration.between(item.runAt(), started);
      publish(
          new WorkItemHandled(
              item.kind(),
              delay.isNegative() ? Duration.ZERO : delay,
              Duration.ofNanos(System.nanoTime() - startedNanos)));
    }
  }

  /**
   * Holds an item claimed before its due time (see {@code stepwise.queue.claim-ahead}) until then,
   * on its own virtual thread, which costs nothing while it sleeps.
   */
  private void awaitDue(WorkItem item) {
    Duration early = Duration.between(clock.instant(), item.runAt());
    if (early.isNegative() || early.isZero()) return;
    try {
      Thread.sleep(early);
    } catch (InterruptedException e) {
      // Stopping: run it now rather than never (its claim is this node's until it is done).
      Thread.currentThread().interrupt();
    }
  }

  private void handleInContext(WorkItem item) {
    try {
      WorkHandler handler = handlers().get(item.kind());
      if (handler == null) throw new IllegalStateException("no handler for " + item.kind());
      handler.handle(item);
      outage.succeeded();
    } catch (CancellationException e) {
      if (!closed) retryLater(item, e);
      else handBack(item);
    } catch (RuntimeException e) {
      if (DatabaseFailures.isUnavailable(e)) {
        // Its outcome was not recorded: the item is still in the database and runs again, in
        // 5 s if it can be given back now, else when its lease runs out. Nothing is lost.
        outage.failed(e);
        releaseQuietly(item);
        return;
      }
      retryLater(item, e);
    } finally {
      // Only this claim's entry: the same item claimed again (its lease ran out while it ran)
      // keeps its own, whose lease is still extended.
      inFlight.remove(item.id(), item);
      capacity.release();
    }
  }

  private void releaseQuietly(WorkItem item) {
    try {
      claims.release(item, clock.instant().plus(Duration.ofSeconds(5)));
    } catch (RuntimeException e) {
      log.debug("Could not release work item {}; its lease will expire", item.id());
    }
  }

  private void retryLater(WorkItem item, RuntimeException e) {
    log.warn("Work item {} ({}) failed; it runs again in 5 s", item.id(), item.kind(), e);
    try {
      claims.release(item, clock.instant().plus(Duration.ofSeconds(5)));
    } catch (RuntimeException again) {
      log.warn("Could not release work item {}; its lease will expire", item.id(), again);
    }
  }

  private void handBack(WorkItem item) {
    try {
      claims.handBack(item);
      publish(new WorkHandedBack(1));
      log.info("Work item {} ({}) handed back unfinished for another node", item.id(), item.kind());
    } catch (RuntimeException e) {
      log.warn("Could not hand back work item {}; its lease will expire", item.id(), e);
    }
  }

  /** Tells observers (the metrics); their failure is never the work's. */
  private void publish(Object event) {
    try {
      events.publishEvent(event);
    } catch (RuntimeException e) {
      log.debug("Could not publish {}", event, e);
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

  @Override
  public void stop() {
    closed = true;
    executor.shutdown();
    if (!inFlight.isEmpty()) {
      log.info(
          "Stopping: letting {} work items in flight finish (up to {})",
          inFlight.size(),
          shutdownGrace);
    }
    if (!awaitTermination(shutdownGrace)) {
      abandonRemoteCalls();
      if (!awaitTermination(UNWIND)) {
        log.warn("{} work items did not stop; their leases will expire", inFlight.size());
        executor.shutdownNow();
      }
    }
    try {
      int released = claims.releaseClaims();
      if (released > 0) publish(new WorkHandedBack(released));
    } catch (RuntimeException e) {
      if (DatabaseFailures.isUnavailable(e)) {
        log.warn(
            "Could not give back this node's claims ({}); their leases will expire",
            DatabaseFailures.describe(e));
      } else {
        log.warn("Could not give back this node's claims; their leases will expire", e);
      }
    }
  }

  private void abandonRemoteCalls() {
    synchronized (remoteCalls) {
      abandoning = true;
      if (!remoteCalls.isEmpty()) {
        log.info("Stopping: abandoning {} calls still waiting on endpoints", remoteCalls.size());
      }
      remoteCalls.forEach(Thread::interrupt);
    }
  }

  private boolean awaitTermination(Duration timeout) {
    try {
      return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
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
