package dev.stepwise.engine;

import java.util.List;

/**
 * The interpreter's decision for one token: events to append, the token's new position (null once
 * it finished; for a failure, the state that failed, entered afresh, so that a redrive can start
 * there), and the effect to apply after commit.
 */
public record Step(List<Event> events, Token token, Effect effect) {}
