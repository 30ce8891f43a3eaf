package dev.stepwise.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The choice of a version by weight, checked over every roll: a weight of w percent takes exactly w
 * of the 100 rolls, so a uniform roll gives each version its weight's share.
 */
class RoutingTests {

  private static Map<Integer, Integer> countsOverEveryRoll(List<Route> routes) {
    var counts = new TreeMap<Integer, Integer>();
    for (int roll = 0; roll < Routing.ROLLS; roll++) {
      counts.merge(Routing.choose(routes, roll), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void eachVersionTakesAsManyRollsAsItsWeight() {
    assertThat(countsOverEveryRoll(List.of(new Route(1, 90), new Route(2, 10))))
        .isEqualTo(Map.of(1, 90, 2, 10));
    assertThat(countsOverEveryRoll(List.of(new Route(7, 50), new Route(3, 50))))
        .isEqualTo(Map.of(7, 50, 3, 50));
    assertThat(countsOverEveryRoll(List.of(new Route(4, 1), new Route(5, 99))))
        .isEqualTo(Map.of(4, 1, 5, 99));
  }

  @Test
  void aWeightOfZeroIsNeverChosen() {
    assertThat(countsOverEveryRoll(List.of(new Route(1, 100), new Route(2, 0))))
        .isEqualTo(Map.of(1, 100));
    assertThat(countsOverEveryRoll(List.of(new Route(1, 0), new Route(2, 100))))
        .isEqualTo(Map.of(2, 100));
  }

  @Test
  void oneRouteTakesEveryRoll() {
    assertThat(countsOverEveryRoll(List.of(new Route(3, 100)))).isEqualTo(Map.of(3, 100));
  }

  @Test
  void theFirstRouteTakesTheLowRolls() {
    var routes = List.of(new Route(1, 30), new Route(2, 70));

    assertThat(Routing.choose(routes, 0)).isEqualTo(1);
    assertThat(Routing.choose(routes, 29)).isEqualTo(1);
    assertThat(Routing.choose(routes, 30)).isEqualTo(2);
    assertThat(Routing.choose(routes, 99)).isEqualTo(2);
  }

  @Test
  void refusesARollOutOfRange() {
    var routes = List.of(new Route(1, 100));

    assertThatThrownBy(() -> Routing.choose(routes, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Routing.choose(routes, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsOneOrTwoDistinctVersionsWhoseWeightsSumTo100() {
    Routing.check(List.of(new Route(1, 100)));
    Routing.check(List.of(new Route(1, 100), new Route(2, 0)));
    Routing.check(List.of(new Route(2, 37), new Route(1, 63)));
  }

  @Test
  void refusesRoutingsThatBreakTheRules() {
    assertRefused(null, "one or two versions");
    assertRefused(List.of(), "one or two versions");
    assertRefused(
        List.of(new Route(1, 50), new Route(2, 25), new Route(3, 25)), "one or two versions");
    assertRefused(List.of(new Route(1, 90)), "sum to 100, not 90");
    assertRefused(List.of(new Route(1, 60), new Route(2, 60)), "sum to 100, not 120");
    assertRefused(List.of(new Route(1, 50), new Route(1, 50)), "more than once");
    assertRefused(List.of(new Route(1, 101), new Route(2, -1)), "between 0 and 100");
    assertRefused(List.of(new Route(0, 100)), "version 0");
  }

  private static void assertRefused(List<Route> routes, String reason) {
    assertThatThrownBy(() -> Routing.check(routes))
        .isInstanceOf(InvalidAliasException.class)
        .hasMessageContaining(reason);
  }
}
