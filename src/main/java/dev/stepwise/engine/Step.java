package dev.stepwise.engine;

import java.util.List;

/**
 * The interpreter's decision for one token: events to append, the token's new position (unchanged
 * scope, or null once it finished or failed), and the effect to apply after commit.
 */
public record Step(List<Event> events, Token token, Effect effect) {}
