package dev.stepwise.asl.intrinsic;

import static dev.stepwise.asl.intrinsic.IntrinsicFunctionsSupport.assertIntrinsicFailure;
import static dev.stepwise.asl.intrinsic.IntrinsicFunctionsSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The States.Array functions. */
class IntrinsicFunctionsArrayTests {
  @Test
  void arrayOfNoneOrManyValues() {
    assertThat(eval("States.Array()")).isEqualTo(List.of());
    assertThat(eval("States.Array($.person, $.numbers)"))
        .isEqualTo(List.of(Map.of("first", "Ada", "age", 36), List.of(1, 2, 3)));
  }

  @Test
  void partition() {
    Object input = Map.of("a", List.of(1, 2, 3, 4, 5));
    assertThat(eval("States.ArrayPartition($.a, 2)", input))
        .isEqualTo(List.of(List.of(1, 2), List.of(3, 4), List.of(5)));
    assertThat(eval("States.ArrayPartition($.a, 9)", input))
        .isEqualTo(List.of(List.of(1, 2, 3, 4, 5)));
    assertThat(eval("States.ArrayPartition(States.Array(), 3)")).isEqualTo(List.of());
  }

  @Test
  void partitionRoundsTheChunkSize() {
    assertThat(eval("States.ArrayPartition($.numbers, 1.5)"))
        .isEqualTo(List.of(List.of(1, 2), List.of(3)));
  }

  @Test
  void partitionFailures() {
    assertIntrinsicFailure(() -> eval("States.ArrayPartition($.numbers, 0)"), "positive");
    assertIntrinsicFailure(() -> eval("States.ArrayPartition($.name, 1)"), "must be an array");
  }

  @Test
  void containsComparesJsonValues() {
    assertThat(eval("States.ArrayContains($.numbers, 2)")).isEqualTo(true);
    assertThat(eval("States.ArrayContains($.numbers, 2.0)")).isEqualTo(true);
    assertThat(eval("States.ArrayContains($.numbers, '2')")).isEqualTo(false);
    assertThat(eval("States.ArrayContains($.items, $.items[1])")).isEqualTo(true);
    assertThat(eval("States.ArrayContains($.numbers, null)")).isEqualTo(false);
  }

  @Test
  void containsFailsOnNonArray() {
    assertIntrinsicFailure(() -> eval("States.ArrayContains($.person, 1)"), "must be an array");
  }

  @Test
  void rangeIncludesBothEnds() {
    assertThat(eval("States.ArrayRange(1, 9, 2)")).isEqualTo(List.of(1, 3, 5, 7, 9));
    assertThat(eval("States.ArrayRange(0, 10, 3)")).isEqualTo(List.of(0, 3, 6, 9));
    assertThat(eval("States.ArrayRange(5, 1, -2)")).isEqualTo(List.of(5, 3, 1));
    assertThat(eval("States.ArrayRange(5, 4, 2)")).isEqualTo(List.of());
  }

  @Test
  void rangeFailures() {
    assertIntrinsicFailure(() -> eval("States.ArrayRange(1, 5, 0)"), "step must not be 0");
    assertIntrinsicFailure(() -> eval("States.ArrayRange(1, 1001, 1)"), "1001 items");
    assertThat((List<?>) eval("States.ArrayRange(1, 1000, 1)")).hasSize(1000);
  }

  @Test
  void getItem() {
    assertThat(eval("States.ArrayGetItem($.numbers, 0)")).isEqualTo(1);
    assertThat(eval("States.ArrayGetItem($.items, 1)")).isEqualTo(Map.of("id", "y", "n", 2));
  }

  @Test
  void getItemFailures() {
    assertIntrinsicFailure(() -> eval("States.ArrayGetItem($.numbers, 3)"), "out of bounds");
    assertIntrinsicFailure(() -> eval("States.ArrayGetItem($.numbers, -1)"), "out of bounds");
    assertIntrinsicFailure(() -> eval("States.ArrayGetItem($.numbers, 1.5)"), "must be an integer");
    assertIntrinsicFailure(() -> eval("States.ArrayGetItem($.numbers, '1')"), "must be an integer");
  }

  @Test
  void length() {
    assertThat(eval("States.ArrayLength($.numbers)")).isEqualTo(3);
    assertIntrinsicFailure(() -> eval("States.ArrayLength($.name)"), "must be an array");
  }

  @Test
  void uniqueKeepsFirstOccurrences() {
    Object input = Json.parse("{\"a\": [1, 2, 1.0, {\"k\": 1}, \"2\", {\"k\": 1}, null, null]}");
    assertThat(eval("States.ArrayUnique($.a)", input))
        .isEqualTo(java.util.Arrays.asList(1, 2, Map.of("k", 1), "2", null));
    assertIntrinsicFailure(() -> eval("States.ArrayUnique('x')"), "must be an array");
  }
}
