package dev.stepwise.statemachine;

import java.time.Instant;

/**
 * A published version: an immutable, numbered snapshot of a state machine's definition at one
 * revision. {@code description} is the version's own, given when it was published.
 */
public record VersionView(
    String stateMachine,
    int version,
    int revision,
    String definition,
    String description,
    Instant createdAt) {}
