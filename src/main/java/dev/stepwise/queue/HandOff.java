package dev.stepwise.queue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work due at once runs on the node that created it: {@link WorkQueue} inserts such an item already
 * claimed by this node (while {@link LocalWork} has capacity for it), and it is handed to {@link
 * LocalWork} once the transaction commits, which saves a claim round trip. On a rollback the
 * capacity is given back and the item never existed.
 */
@Component
class HandOff {
  private final LocalWork local;
  private final String node;
  private final QueueProperties properties;

  HandOff(LocalWork local, NodeId node, QueueProperties properties) {
    this.local = local;
    this.node = node.value();
    this.properties = properties;
  }

  /** This node's claim on an item inserted at {@code now}. */
  record Claim(String node, OffsetDateTime leaseUntil) {}

  /**
   * A claim for this node on work due at {@code runAt}, taking a unit of its capacity; null when
   * the work is not due yet or this node is full (a claimer then takes it).
   */
  Claim claim(Instant runAt, Instant now) {
    if (runAt.isAfter(now) || !local.reserve()) return null;
    return new Claim(node, now.plus(properties.lease()).atOffset(ZoneOffset.UTC));
  }

  /** Runs the claimed items here once the transaction commits; gives their capacity back if not. */
  void afterCommit(List<WorkItem> items) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
              items.forEach(local::run);
            } else {
              items.forEach(i -> local.release());
            }
          }
        });
  }
}
