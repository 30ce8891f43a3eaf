package dev.stepwise.queue;

import dev.stepwise.database.CarriedWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Work items whose insert is built but not yet run: it runs on its own ({@link
 * WorkQueue#enqueue(List, CarriedWrite)}) or rides in another statement of the transaction as a
 * {@link CarriedWrite} that returns the new ids, which that statement hands back through {@link
 * #inserted}. The items this node claimed run here once the transaction commits; on a rollback, or
 * when the insert never ran, their capacity is given back and they never existed.
 */
public final class QueuedWork {
  private final CarriedWrite insert;
  private final int count;
  // The items this node claimed, by their position in the insert; their ids are not known yet.
  private final Map<Integer, WorkItem> claimed;
  private List<Long> ids; // set once the insert ran

  QueuedWork(CarriedWrite insert, int count, Map<Integer, WorkItem> claimed) {
    this.insert = insert;
    this.count = count;
    this.claimed = claimed;
  }

  /** The insert, {@code returning id} in the order of the items' ids. */
  public CarriedWrite insert() {
    return insert;
  }

  /** The insert ran: the new ids, in ascending order (the sequence's order of the items). */
  public void inserted(List<Long> ids) {
    if (ids.size() != count) {
      throw new IllegalStateException("Inserted " + ids.size() + " work items, expected " + count);
    }
    this.ids = List.copyOf(ids);
  }

  /** The items this node claimed, as inserted; empty before the insert ran. */
  List<WorkItem> claimedHere() {
    if (ids == null) return List.of();
    var items = new ArrayList<WorkItem>();
    claimed.forEach(
        (i, w) ->
            items.add(
                new WorkItem(
                    ids.get(i),
                    w.executionId(),
                    w.tokenId(),
                    w.tokenVersion(),
                    w.kind(),
                    w.runAt(),
                    w.version(),
                    w.payload())));
    return items;
  }

  /** How many of the items this node claimed (took capacity for). */
  int claimedCount() {
    return claimed.size();
  }
}
