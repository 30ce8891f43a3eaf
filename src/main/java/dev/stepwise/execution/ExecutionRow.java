package dev.stepwise.execution;

import java.time.Instant;
import java.util.UUID;

/** An execution as stored; JSON columns are kept as text. */
record ExecutionRow(
    UUID id,
    String name,
    String stateMachine,
    int revision,
    ExecutionStatus status,
    String input,
    String output,
    String error,
    String cause,
    Instant startedAt,
    Instant stoppedAt,
    int redriveCount,
    long lastEventId,
    int lastTokenId) {}
