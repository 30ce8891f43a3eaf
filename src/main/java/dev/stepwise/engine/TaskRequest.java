package dev.stepwise.engine;

import java.time.Duration;

/**
 * A Task state's call: the resource, the effective input to send, the attempt number (1, 2, …
 * across retries), and how long the call may take.
 */
public record TaskRequest(
    String stateName, String resource, Object payload, int attempt, Duration timeout) {}
