package dev.stepwise.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.queue.WorkQueue.NewWork;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue's guarantees on real PostgreSQL: due work only, oldest first; a claim holds until its
 * lease runs out and is then taken over; a write after a lost claim is refused; concurrent claimers
 * never get the same item. The instance runs no work of its own (no capacity), so the tests drive
 * the queue by hand, and move the instance's clock past a lease rather than wait.
 */
class WorkQueueIntegrationTests {
  /** Long enough that no lease runs out by itself while a test runs on a busy machine. */
  static final Duration LEASE = Duration.ofMinutes(1);

  static StepwiseInstance stepwise;
  static TestClock clock;
  static WorkQueue queue;
  static DueWork dueWork;
  static TransactionTemplate tx;

  @BeforeAll
  static void start() {
    stepwise =
        StepwiseInstance.start(
            Map.of(
                "stepwise.queue.max-in-flight",
                0,
                "stepwise.queue.lease",
                LEASE.toSeconds() + "s",
                "stepwise.queue.node-id",
                "queue-tests"));
    queue = stepwise.bean(WorkQueue.class);
    dueWork = stepwise.bean(DueWork.class);
    clock = stepwise.clock();
    tx = stepwise.bean(TransactionTemplate.class);
  }

  @AfterAll
  static void stop() {
    // The database is shared with the other test classes of this run: leave no test items.
    stepwise.bean(JdbcClient.class).sql("delete from work_item where kind = 'TEST'").update();
    stepwise.close();
  }

  private static UUID enqueue(int count, Instant runAt) {
    UUID execution = UUID.randomUUID();
    var work = new ArrayList<NewWork>();
    for (int i = 0; i < count; i++) {
      work.add(new NewWork(execution, i, 0, "TEST", runAt.plusMillis(i), null));
    }
    tx.executeWithoutResult(s -> queue.enqueue(work));
    return execution;
  }

  private static List<WorkItem> claimOf(UUID execution, int max) {
    return dueWork.claim(max).stream().filter(i -> i.executionId().equals(execution)).toList();
  }

  @Test
  void claimsDueWorkOldestFirstAndNothingNotYetDue() {
    UUID due = enqueue(3, clock.instant().minusSeconds(10));
    UUID later = enqueue(2, clock.instant().plusSeconds(3600));

    var claimed = claimOf(due, 100);

    assertThat(claimed).extracting(WorkItem::tokenId).containsExactly(0, 1, 2);
    assertThat(claimed).allMatch(i -> i.version() == 1);
    assertThat(claimOf(later, 100)).isEmpty();
  }

  @Test
  void claimsWorkWithinClaimAheadOfItsDueTimeAndNothingLater() {
    // stepwise.queue.claim-ahead is 50 ms by default: the claimer takes a timer that early.
    UUID soon = enqueue(1, clock.instant().plusMillis(30));
    UUID later = enqueue(1, clock.instant().plusMillis(500));

    assertThat(claimOf(soon, 100)).extracting(WorkItem::tokenId).containsExactly(0);
    assertThat(claimOf(later, 100)).isEmpty();
  }

  @Test
  void aClaimHoldsUntilItsLeaseRunsOutAndIsThenTakenOver() {
    UUID execution = enqueue(1, clock.instant().minusSeconds(1));
    var first = claimOf(execution, 10);
    assertThat(first).hasSize(1);
    assertThat(claimOf(execution, 10)).isEmpty();

    clock.advance(LEASE.plusSeconds(1)); // the lease runs out; nothing extends it
    var takenOver = claimOf(execution, 10);

    assertThat(takenOver).hasSize(1);
    assertThat(takenOver.getFirst().version()).isEqualTo(first.getFirst().version() + 1);
    // The first claimer lost the item: its guarded completion is refused...
    Boolean stale = tx.execute(s -> queue.complete(first.getFirst()));
    assertThat(stale).isFalse();
    // ...and the new owner's goes through.
    Boolean owner = tx.execute(s -> queue.complete(takenOver.getFirst()));
    assertThat(owner).isTrue();
  }

  @Test
  void concurrentClaimersNeverGetTheSameItem() throws Exception {
    UUID execution = enqueue(2_000, clock.instant().minusSeconds(60));
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    var duplicates = new ArrayList<Long>();
    try (var claimers = Executors.newFixedThreadPool(4)) {
      var futures =
          IntStream.range(0, 4)
              .mapToObj(
                  c ->
                      claimers.submit(
                          () -> {
                            List<WorkItem> batch;
                            do {
                              batch = claimOf(execution, 37);
                              for (WorkItem item : batch) {
                                if (!seen.add(item.id())) {
                                  synchronized (duplicates) {
                                    duplicates.add(item.id());
                                  }
                                }
                              }
                            } while (!batch.isEmpty());
                            return null;
                          }))
              .toList();
      for (var f : futures) f.get();
    }
    assertThat(duplicates).isEmpty();
    assertThat(seen).hasSize(2_000);
  }

  @Test
  void extendingLeasesKeepsAClaim() {
    UUID execution = enqueue(1, clock.instant().minusSeconds(1));
    var claimed = claimOf(execution, 10);
    assertThat(claimed).hasSize(1);

    // Three times two thirds of a lease: well past the first lease, never past an extended one.
    for (int i = 0; i < 3; i++) {
      clock.advance(LEASE.multipliedBy(2).dividedBy(3));
      dueWork.extendLeases(List.of(claimed.getFirst().id()));
    }

    assertThat(claimOf(execution, 10)).isEmpty();
    var leaseUntil =
        stepwise
            .bean(JdbcClient.class)
            .sql("select lease_until from work_item where id = ?")
            .param(claimed.getFirst().id())
            .query(java.time.OffsetDateTime.class)
            .single();
    assertThat(leaseUntil.toInstant()).isAfter(clock.instant());
  }
}
