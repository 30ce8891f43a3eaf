package dev.stepwise.queue;

/**
 * A stopping node gave back claimed work unfinished, for other nodes to take at once rather than
 * after the leases run out.
 *
 * @param items how many work items it gave back
 */
public record WorkHandedBack(int items) {}
