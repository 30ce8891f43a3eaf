package dev.stepwise.queue;

/**
 * A node finished a work item it no longer owned: the item was deleted (its execution ended or was
 * stopped) or another node took it over after its lease ran out. Whatever the work produced (a
 * Task's late answer, say) is dropped. Published in the transaction that tried to complete it.
 *
 * @param kind the work item's kind
 */
public record ClaimLost(String kind) {}
