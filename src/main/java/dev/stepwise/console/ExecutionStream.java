package dev.stepwise.console;

import dev.stepwise.execution.ExecutionChanged;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for an execution page: a {@code progress} event ({@code {"lastEventId",
 * "status"}}) each time the execution's history grows, the last one when it ends. Each stream is a
 * virtual thread that reads the execution's progress (one indexed row) when this replica commits a
 * change to it, and at least once a second, so changes made by other replicas arrive too.
 */
@Component
class ExecutionStream {
  static final Duration CHECK = Duration.ofSeconds(1);
  static final Duration LONGEST = Duration.ofMinutes(30);

  private final ExecutionRows executions;
  private final Map<UUID, Map<Semaphore, Boolean>> watchers = new ConcurrentHashMap<>();
  private volatile boolean closing;

  ExecutionStream(ExecutionRows executions) {
    this.executions = executions;
  }

  SseEmitter open(String executionId) {
    UUID id = ConsoleErrors.executionId(executionId);
    executions.progress(id).orElseThrow(() -> ConsoleErrors.noExecution(executionId));
    var emitter = new SseEmitter(LONGEST.toMillis());
    var wake = new Semaphore(0);
    watchers.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).put(wake, true);
    Runnable forget =
        () ->
            watchers.computeIfPresent(
                id, (k, set) -> set.remove(wake) && set.isEmpty() ? null : set);
    emitter.onCompletion(forget);
    emitter.onTimeout(forget);
    emitter.onError(e -> forget.run());
    Thread.ofVirtual().name("console-stream-" + id).start(() -> watch(id, emitter, wake, forget));
    return emitter;
  }

  private void watch(UUID id, SseEmitter emitter, Semaphore wake, Runnable forget) {
    long sent = -1;
    long deadline = System.nanoTime() + LONGEST.toNanos();
    try {
      while (!closing && System.nanoTime() < deadline) {
        var progress = executions.progress(id).orElse(null);
        if (progress == null) break;
        if (progress.lastEventId() != sent) {
          sent = progress.lastEventId();
          emitter.send(
              SseEmitter.event()
                  .name("progress")
                  .data(Map.of("lastEventId", sent, "status", progress.status())));
        }
        if (!progress.status().equals("RUNNING")) break;
        wake.tryAcquire(CHECK.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      }
      emitter.complete();
    } catch (IOException | IllegalStateException e) {
      // The page went away (or the emitter timed out): nothing to tell anyone.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      emitter.completeWithError(e);
    } finally {
      forget.run();
    }
  }

  /** On shutdown the streams end at once, so they do not hold up the graceful stop. */
  @EventListener(ContextClosedEvent.class)
  void close() {
    closing = true;
    watchers.values().forEach(set -> set.keySet().forEach(Semaphore::release));
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ExecutionChanged changed) {
    var set = watchers.get(changed.executionId());
    if (set != null) set.keySet().forEach(Semaphore::release);
  }
}
