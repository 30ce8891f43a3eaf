package dev.stepwise.asl.intrinsic;

import static dev.stepwise.asl.intrinsic.IntrinsicFunctionsSupport.assertIntrinsicFailure;
import static dev.stepwise.asl.intrinsic.IntrinsicFunctionsSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** States.MathAdd, States.MathRandom and States.UUID, and the random source they draw from. */
class IntrinsicFunctionsMathAndIdTests {
  @Test
  void mathAddOfIntegers() {
    assertThat(eval("States.MathAdd(-9, 3)")).isEqualTo(-6);
    assertThat(eval("States.MathAdd(2147483647, 1)")).isEqualTo(2147483648L);
  }

  @Test
  void mathAddRoundsEachArgumentHalfUp() {
    assertThat(eval("States.MathAdd(1.49, 1.5)")).isEqualTo(3);
    assertThat(eval("States.MathAdd(-1.5, 0)")).isEqualTo(-1);
    assertThat(eval("States.MathAdd(-0.5, 0.5)")).isEqualTo(1);
    assertThat(eval("States.MathAdd(-2.5, -1.51)")).isEqualTo(-4);
  }

  @Test
  void mathAddFailures() {
    assertIntrinsicFailure(() -> eval("States.MathAdd('1', 2)"), "must be a number");
    assertIntrinsicFailure(() -> eval("States.MathAdd(2147483648, 0)"), "between -2147483648");
  }

  @Test
  void mathRandomStaysInRange() {
    for (int i = 0; i < 50; i++) {
      assertThat((Integer) eval("States.MathRandom(-3, 3)")).isBetween(-3, 2);
    }
  }

  @Test
  void mathRandomWithSeedIsRepeatable() {
    Object first = eval("States.MathRandom(0, 1000000, 7)");
    assertThat(eval("States.MathRandom(0, 1000000, 7)")).isEqualTo(first);
  }

  @Test
  void mathRandomFailures() {
    assertIntrinsicFailure(() -> eval("States.MathRandom(5, 1)"), "less than the start");
    assertIntrinsicFailure(() -> eval("States.MathRandom($.name, 1)"), "must be a number");
  }

  @Test
  void uuidIsRandomVersion4() {
    String uuid = (String) eval("States.UUID()");
    assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(eval("States.UUID()")).isNotEqualTo(uuid);
  }

  @org.junit.jupiter.api.Test
  void uuidAndRandomDrawFromTheGivenRandomSource() {
    var first =
        new dev.stepwise.asl.path.Bindings(
            java.util.Map.of(),
            java.util.Map.of(),
            java.util.Map.of(),
            new java.util.SplittableRandom(7));
    var second =
        new dev.stepwise.asl.path.Bindings(
            java.util.Map.of(),
            java.util.Map.of(),
            java.util.Map.of(),
            new java.util.SplittableRandom(7));
    Object uuid = IntrinsicFunctions.evaluate("States.UUID()", first);
    org.assertj.core.api.Assertions.assertThat(uuid)
        .isEqualTo(IntrinsicFunctions.evaluate("States.UUID()", second));
    org.assertj.core.api.Assertions.assertThat((String) uuid)
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    org.assertj.core.api.Assertions.assertThat(
            IntrinsicFunctions.evaluate("States.MathRandom(1, 1000)", first))
        .isEqualTo(IntrinsicFunctions.evaluate("States.MathRandom(1, 1000)", second));
  }
}
