package dev.stepwise.task;

import dev.stepwise.engine.TaskOutcome;

/**
 * A Task call's outcome with the HTTP exchange behind it.
 *
 * @param exchange null when no request left (no route, parameters that make no request)
 */
public record TracedOutcome(TaskOutcome outcome, HttpExchange exchange) {}
