package dev.stepwise.console;

/**
 * A transition between two boxes of one scope.
 *
 * @param kind {@code next}, {@code choice} (a Choice rule), {@code default} (a Choice's {@code
 *     Default}), {@code catch}, {@code start} or {@code end}
 * @param label what the edge says (the rule in words, the errors caught), or null
 */
record GraphEdge(String id, String source, String target, String kind, String label) {}
