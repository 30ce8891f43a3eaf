package dev.stepwise.statemachine;

import java.time.Instant;
import java.util.List;

/** An alias of a state machine and the one or two versions it routes starts to. */
public record AliasView(
    String stateMachine,
    String name,
    String description,
    List<Route> routing,
    Instant createdAt,
    Instant updatedAt) {}
