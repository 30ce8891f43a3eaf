package dev.stepwise.execution;

import java.time.Duration;

/**
 * A Task request ended (published outside any transaction, right after the call).
 *
 * @param error the ASL error name, or null when the request succeeded
 * @param attempt 1 for the first request of an entry into the state, 2… for retries
 */
public record TaskCompleted(String stateMachine, String error, int attempt, Duration duration) {}
