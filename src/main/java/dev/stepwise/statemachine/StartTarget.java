package dev.stepwise.statemachine;

/**
 * What a new execution runs: a revision of a state machine, and the version and alias it was
 * started on, if any ({@code version} is set for an alias too: the version the alias chose).
 */
public record StartTarget(String stateMachine, int revision, Integer version, String alias) {}
