package dev.stepwise.lifecycle;

import dev.stepwise.execution.ExecutionChanged;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Lets a start request with {@code waitSeconds} wait for its execution to end: woken at once when
 * this replica ends it, and otherwise by polling (another replica may have ended it).
 */
@Component
class Completions {
  private final Map<UUID, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

  CompletableFuture<Void> register(UUID executionId) {
    return waiting.computeIfAbsent(executionId, id -> new CompletableFuture<>());
  }

  void unregister(UUID executionId) {
    waiting.remove(executionId);
  }

  @TransactionalEventListener
  void on(ExecutionChanged committed) {
    if (committed.finished() == null) return;
    var future = waiting.remove(committed.executionId());
    if (future != null) future.complete(null);
  }
}
