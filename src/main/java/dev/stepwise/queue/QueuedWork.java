package dev.stepwise.queue;

import dev.stepwise.database.CarriedWrite;
import java.util.ArrayList;
import java.util.List;

/**
 * Work items whose insert is built but not yet run: it runs on its own ({@link
 * WorkQueue#enqueue(List, CarriedWrite)}) or rides in another statement of the transaction as a
 * {@link CarriedWrite} that returns the new ids, which that statement hands back through {@link
 * #inserted}. The items this node claimed run here once the transaction commits; on a rollback, or
 * when the insert never ran, their capacity is given back and they never existed.
 */
public final class QueuedWork {
  private final CarriedWrite insert;
  private final List<WorkQueue.NewWork> work;
  private final boolean[] runHere;
  private List<Long> ids; // set once the insert ran

  QueuedWork(CarriedWrite insert, List<WorkQueue.NewWork> work, boolean[] runHere) {
    this.insert = insert;
    this.work = work;
    this.runHere = runHere;
  }

  /** The insert, {@code returning id} in the order of the items' ids. */
  public CarriedWrite insert() {
    return insert;
  }

  /** The insert ran: the new ids, in ascending order (the sequence's order of the items). */
  public void inserted(List<Long> ids) {
    if (ids.size() != work.size()) {
      throw new IllegalStateException(
          "Inserted " + ids.size() + " work items, expected " + work.size());
    }
    this.ids = List.copyOf(ids);
  }

  /** The items this node claimed, as inserted; empty before the insert ran. */
  List<WorkItem> claimedHere() {
    if (ids == null) return List.of();
    var claimed = new ArrayList<WorkItem>();
    for (int i = 0; i < runHere.length; i++) {
      if (!runHere[i]) continue;
      var w = work.get(i);
      claimed.add(
          new WorkItem(
              ids.get(i),
              w.executionId(),
              w.tokenId(),
              w.tokenVersion(),
              w.kind(),
              w.runAt(),
              1,
              w.payload()));
    }
    return claimed;
  }

  /** How many of the items this node claimed (took capacity for). */
  int claimedCount() {
    int n = 0;
    for (boolean here : runHere) if (here) n++;
    return n;
  }
}
