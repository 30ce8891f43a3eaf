package dev.stepwise.queue;

/**
 * Does one kind of work. Implementations complete the item themselves, with {@link
 * WorkQueue#complete} inside the transaction that records the work's effect; an exception leaves
 * the item to be tried again.
 */
public interface WorkHandler {

  /** The {@link WorkItem#kind()} this handler takes. */
  String kind();

  void handle(WorkItem item);
}
