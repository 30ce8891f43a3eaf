package dev.stepwise.statemachine;

import java.util.HashSet;
import java.util.List;

/**
 * The rules of an alias's routing, as AWS has them: one or two distinct versions, whole weights
 * from 0 to 100 that sum to 100; and the choice of a version for one start.
 */
public final class Routing {
  /** A roll is a whole number in {@code [0, ROLLS)}; each point of weight is one roll. */
  public static final int ROLLS = 100;

  private Routing() {}

  /** Refuses a routing that breaks the rules (it does not check that the versions exist). */
  public static void check(List<Route> routes) {
    if (routes == null || routes.isEmpty() || routes.size() > 2) {
      throw new InvalidAliasException("routing must name one or two versions");
    }
    var versions = new HashSet<Integer>();
    int sum = 0;
    for (Route route : routes) {
      if (route.version() < 1) {
        throw new InvalidAliasException("routing names version " + route.version());
      }
      if (!versions.add(route.version())) {
        throw new InvalidAliasException(
            "routing names version " + route.version() + " more than once");
      }
      if (route.weight() < 0 || route.weight() > ROLLS) {
        throw new InvalidAliasException("routing weights must be between 0 and 100");
      }
      sum += route.weight();
    }
    if (sum != ROLLS) {
      throw new InvalidAliasException("routing weights must sum to 100, not " + sum);
    }
  }

  /**
   * The version a start with {@code roll} (uniform in {@code [0, 100)}) runs: the first route takes
   * the rolls below its weight, the second the rest. A weight of 0 is never chosen.
   */
  public static int choose(List<Route> routes, int roll) {
    if (roll < 0 || roll >= ROLLS) throw new IllegalArgumentException("roll " + roll);
    int bound = 0;
    for (Route route : routes) {
      bound += route.weight();
      if (roll < bound) return route.version();
    }
    throw new IllegalArgumentException("weights of " + routes + " do not sum to " + ROLLS);
  }
}
