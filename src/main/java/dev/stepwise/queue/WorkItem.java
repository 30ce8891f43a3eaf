package dev.stepwise.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed unit of due work. {@code version} is the claim's version: every write after the claim
 * is guarded by it, so a node that lost its lease cannot overwrite the new owner's work.
 */
public record WorkItem(
    long id,
    UUID executionId,
    int tokenId,
    int tokenVersion,
    String kind,
    Instant runAt,
    int version,
    String payload) {}
