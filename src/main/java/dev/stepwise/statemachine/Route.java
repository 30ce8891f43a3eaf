package dev.stepwise.statemachine;

/** One entry of an alias's routing: a version and its share of the starts, in percent. */
public record Route(int version, int weight) {}
