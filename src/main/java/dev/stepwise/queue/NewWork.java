package dev.stepwise.queue;

import java.time.Instant;
import java.util.UUID;

/** Work to enqueue: what it is for, of which kind, and when it becomes due. */
public record NewWork(
    UUID executionId, int tokenId, int tokenVersion, String kind, Instant runAt, String payload) {}
