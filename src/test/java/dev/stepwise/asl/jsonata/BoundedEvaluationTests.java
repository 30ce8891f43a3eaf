package dev.stepwise.asl.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.EvaluationBudget;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.intrinsic.IntrinsicFunctions;
import dev.stepwise.asl.path.Bindings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * User computations stay within their time and memory bound, also inside the JSONata built-ins that
 * loop on their own. Each test would hang or exhaust the heap without the bound; the JUnit timeout
 * only turns such a hang into a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BoundedEvaluationTests {

  private static Object eval(String expression, Object input) {
    return JsonataExpression.of("{% " + expression + " %}")
        .evaluate(JsonataScope.of(input, Map.of(), Map.of()), "Output");
  }

  private static Object eval(String expression) {
    return eval(expression, Map.of());
  }

  /** Evaluates with a short time bound and the default memory bound. */
  private static Object evalWithin(Duration timeout, String expression) {
    return EvaluationBudget.within(
        EvaluationBudget.forPayload(timeout, 256 * 1024), () -> eval(expression));
  }

  private static void assertQueryError(Runnable evaluation, String causePart) {
    assertThatThrownBy(evaluation::run)
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo(ErrorNames.QUERY_EVALUATION_ERROR);
              assertThat(e.cause()).contains(causePart).doesNotContain("dev.stepwise", "java.");
            });
  }

  @Test
  void aHugePadFailsAtOnceInsteadOfPaddingForHours() {
    assertQueryError(() -> eval("$length($pad('x', 3000000))"), "limit of 1048576 bytes");
    assertQueryError(() -> eval("$pad('x', -3000000, 'ab')"), "limit");
  }

  @Test
  void padBehavesAsTheLibrarysOwnWithinTheBound() {
    assertThat(eval("$pad('foo', 5, '#')")).isEqualTo("foo##");
    assertThat(eval("$pad('foo', -5)")).isEqualTo("  foo");
    assertThat(eval("$pad('x', 4, 'ab')")).isEqualTo("xaba");
    assertThat(eval("$pad('foo', 2)")).isEqualTo("foo");
    assertThat(eval("$length($pad('x', 200000))")).isEqualTo(200000);
  }

  @Test
  void doublingAStringOrArrayStopsAtTheMemoryBound() {
    assertQueryError(
        () -> eval("$reduce([1..40], function($acc, $i) { $acc & $acc }, 'xy')"), "limit");
    assertQueryError(
        () -> eval("$reduce([1..40], function($acc, $i) { $append($acc, $acc) }, [1])"), "limit");
  }

  @Test
  void joinAndReplaceCheckTheirResultBeforeBuildingIt() {
    assertQueryError(() -> eval("$join([1..1000].$string(), $pad('', 5000, '-'))"), "limit");
    assertQueryError(
        () -> eval("$replace($pad('', 100000, 'a'), 'a', $pad('', 100000, 'b'))"), "limit");
    assertThat(eval("$join(['a', 'b'], ',')")).isEqualTo("a,b");
    assertThat(eval("$replace('abc', /b/, 'x')")).isEqualTo("axc");
  }

  @Test
  void manyBoundedPiecesHeldAtOnceStillCountTogether() {
    // Each piece is below the bound; the array that collects them is not.
    assertQueryError(() -> eval("[1..100].$pad('', 100000, 'z')"), "limit");
  }

  @Test
  void aReducerThatDropsItsAccumulatorsIsNotChargedForThem() {
    // 2000 concatenations build 2000 strings of up to 12 000 characters: far more than the
    // bound in all, but only the last is kept.
    Object result = eval("$length($reduce([1..2000], function($acc, $i) { $acc & 'abcdef' }, ''))");
    assertThat(result).isEqualTo(12000);
  }

  @Test
  void aCatastrophicRegularExpressionFailsAtTheDeadline() {
    // Backtracks for minutes in java.util.regex.
    String text = "'" + "a".repeat(30) + "!'";
    for (String function : new String[] {"$match", "$contains", "$split", "$replace"}) {
      String call =
          function + "(" + text + ", /(.*a){20}$/" + (function.equals("$replace") ? ", 'x')" : ")");
      assertQueryError(() -> evalWithin(Duration.ofMillis(300), call), "longer than the limit");
    }
    assertThat(eval("$match('ab12', /[0-9]+/).match")).isEqualTo("12");
  }

  @Test
  void aLongComputationFailsAtTheDeadline() {
    String nested =
        "$reduce([1..10000], function($a, $i) {"
            + " $reduce([1..10000], function($b, $j) { $b + $j }, 0) }, 0)";
    assertQueryError(() -> evalWithin(Duration.ofMillis(300), nested), "longer than the limit");
  }

  @Test
  void theBoundsCannotBeSwitchedOff() {
    assertQueryError(() -> eval("($__evaluate_entry := null; 1)"), "reserved name");
    assertQueryError(() -> eval("$eval('($__eval' & 'uate_entry := null; 1)')"), "D3121");
  }

  @Test
  void theInputIsNotChargedToTheExpression() {
    var big = Map.of("text", "q".repeat(200_000));
    // Ten references to a 200 000-character input string make nothing new.
    Object result = eval("$sum([1..10].($length($states.input.text)))", big);
    assertThat(result).isEqualTo(2_000_000);
  }

  @Test
  void anIntrinsicThatWouldBuildAHugeStringFailsWithIntrinsicFailure() {
    var input = Map.of("big", "w".repeat(200_000));
    var bindings = new Bindings(input, Map.of());
    assertThatThrownBy(
            () ->
                IntrinsicFunctions.evaluate(
                    "States.Format('{}{}{}{}{}{}', $.big, $.big, $.big, $.big, $.big, $.big)",
                    bindings))
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo(ErrorNames.INTRINSIC_FAILURE);
              assertThat(e.cause()).contains("limit");
            });
    assertThat(IntrinsicFunctions.evaluate("States.Format('{}-{}', $.big, 1)", bindings))
        .asString()
        .hasSize(200_002);
  }

  @Test
  void aQuadraticIntrinsicFailsAtTheDeadline() {
    var items = new java.util.ArrayList<Object>();
    for (int i = 0; i < 100_000; i++) items.add(i);
    var bindings = new Bindings(Map.of("items", items), Map.of());
    assertThatThrownBy(
            () ->
                EvaluationBudget.within(
                    EvaluationBudget.forPayload(Duration.ofMillis(200), 256 * 1024),
                    () -> IntrinsicFunctions.evaluate("States.ArrayUnique($.items)", bindings)))
        .isInstanceOfSatisfying(
            StatesError.class, e -> assertThat(e.error()).isEqualTo(ErrorNames.INTRINSIC_FAILURE));
  }

  @Test
  void aJsonPathThatRunsTooLongFailsWithStatesRuntime() {
    var items = new java.util.ArrayList<Object>();
    for (int i = 0; i < 3_000; i++) items.add(Map.of("a", i, "b", Map.of("c", i)));
    var bindings = new Bindings(Map.of("items", items), Map.of());
    // Each of the 3000 filter tests scans the whole document again.
    assertThatThrownBy(
            () ->
                EvaluationBudget.within(
                    EvaluationBudget.forPayload(Duration.ofMillis(200), 256 * 1024),
                    () -> bindings.read("$.items[?(@.a in $..c)]")))
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo(ErrorNames.RUNTIME);
              assertThat(e.cause()).contains("longer than the limit");
            });
    assertThat(Json.write(bindings.read("$.items[0].b.c"))).isEqualTo("0");
  }
}
