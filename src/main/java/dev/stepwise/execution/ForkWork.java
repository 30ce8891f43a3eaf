package dev.stepwise.execution;

/**
 * The payload of a {@link WorkKinds#FORK} item: the fork's children from child index {@code from}
 * (inclusive) to {@code to} (exclusive) have yet to start.
 */
record ForkWork(int from, int to) {}
