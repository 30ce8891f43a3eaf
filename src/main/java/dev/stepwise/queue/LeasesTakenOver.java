package dev.stepwise.queue;

/**
 * This node claimed work items whose leases had run out on another node (which died, froze or lost
 * the database), so they run again here.
 *
 * @param items how many items one claim took over
 */
public record LeasesTakenOver(int items) {}
