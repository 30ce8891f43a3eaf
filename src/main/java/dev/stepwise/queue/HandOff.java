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

  /**
   * Runs the items of {@code queued} this node claimed here once the transaction commits; gives
   * their capacity back if it does not, or if their insert never ran.
   */
  void afterCommit(QueuedWork queued) {
    int reserved = queued.claimedCount();
    if (reserved == 0) return;
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            List<WorkItem> items =
                status == STATUS_COMMITTED ? queued.claimedHere() : List.<WorkItem>of();
            items.forEach(local::run);
            for (int i = items.size(); i < reserved; i++) local.release();
          }
        });
  }
}
