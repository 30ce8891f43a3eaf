package dev.stepwise.statemachine;

import java.time.Instant;

/** A state machine at one revision, as the API shows it. */
public record StateMachineView(
    String name,
    int revision,
    String definition,
    String description,
    Instant createdAt,
    Instant updatedAt) {}
