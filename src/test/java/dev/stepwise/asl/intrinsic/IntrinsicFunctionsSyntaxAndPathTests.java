package dev.stepwise.asl.intrinsic;

import static dev.stepwise.asl.intrinsic.IntrinsicFunctionsSupport.assertIntrinsicFailure;
import static dev.stepwise.asl.intrinsic.IntrinsicFunctionsSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.StatesError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The syntax of intrinsic function calls, and the paths their arguments read. */
class IntrinsicFunctionsSyntaxAndPathTests {
  @Nested
  class Syntax {
    @Test
    void recognisesCalls() {
      assertThat(IntrinsicFunctions.isCall("States.Array()")).isTrue();
      assertThat(IntrinsicFunctions.isCall("$.States")).isFalse();
    }

    @Test
    void literalsOfEveryKind() {
      assertThat(eval("States.Array('a', 1, -2, 3.5, -0.25, 1e3, true, false, null)"))
          .isEqualTo(java.util.Arrays.asList("a", 1, -2, 3.5, -0.25, 1000.0, true, false, null));
    }

    @Test
    void whitespaceAroundArgumentsIsIgnored() {
      assertThat(eval("States.Array(  'a' ,\t$.name\n, States.Array( ) )"))
          .isEqualTo(List.of("a", "Ada", List.of()));
    }

    @Test
    void escapesInStringLiterals() {
      assertThat(eval("States.Array('it\\'s', '\\{x\\}', 'back\\\\slash')"))
          .isEqualTo(List.of("it's", "{x}", "back\\slash"));
    }

    @Test
    void unescapedBracesAndQuotesInsideLiteralsArePlainText() {
      assertThat(eval("States.StringToJson('{\"a\": [1, \"b\"]}')"))
          .isEqualTo(Map.of("a", List.of(1, "b")));
    }

    @Test
    void literalMayContainRealNewlines() {
      assertThat(eval("States.StringSplit('one\ntwo', '\n')")).isEqualTo(List.of("one", "two"));
    }

    @Test
    void nestedCalls() {
      assertThat(
              eval(
                  "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'),"
                      + " States.MathAdd(States.ArrayLength(States.StringSplit("
                      + "$$.StateMachine.Name, '-')), -1))"))
          .isEqualTo("prod");
    }

    @Test
    void syntaxErrorsFailAtRunTime() {
      assertIntrinsicFailure(() -> eval("States.Array('a'"), "Expected ',' or ')'");
      assertIntrinsicFailure(() -> eval("States.Array('a\\n')"), "Invalid escape sequence");
      assertIntrinsicFailure(() -> eval("States.Array() extra"), "end of expression");
    }

    @Test
    void unknownFunctionFailsAtRunTime() {
      assertIntrinsicFailure(() -> eval("States.Nope(1)"), "'States.Nope' does not exist");
    }

    @Test
    void wrongArgumentCountFailsAtRunTime() {
      assertIntrinsicFailure(
          () -> eval("States.ArrayLength($.numbers, 1)"),
          "takes exactly 1 argument but was given 2");
    }
  }

  @Nested
  class Paths {
    @Test
    void wholeInputAndNestedFields() {
      assertThat(eval("States.JsonToString($)", Map.of("a", 1))).isEqualTo("{\"a\":1}");
      assertThat(eval("States.Array($.person.first, $.numbers[1])")).isEqualTo(List.of("Ada", 2));
    }

    @Test
    void contextObject() {
      assertThat(eval("States.ArrayGetItem(States.StringSplit($$.Execution.Id, ':'), 7)"))
          .isEqualTo("run-42");
      assertThat(eval("States.JsonMerge($$.Execution.Input.field, $.person, false)"))
          .isEqualTo(Map.of("k", "v", "first", "Ada", "age", 36));
    }

    @Test
    void variables() {
      assertThat(eval("States.Format($greeting, $config.size)")).isEqualTo("Hello 2!");
    }

    @Test
    void filterWithCommaAndParenthesesInsidePath() {
      assertThat(eval("States.Array($.items[?(@.id in ['x', 'z'])].n, 'end')"))
          .isEqualTo(List.of(List.of(1), "end"));
    }

    @Test
    void missingPathIsReportedWithThePathAsWritten() {
      assertThatThrownBy(() -> eval("States.Format('{}', $$.Execution.Input.missing)"))
          .isInstanceOfSatisfying(
              IntrinsicPathNotFoundException.class,
              e -> {
                assertThat(e.path()).isEqualTo("$$.Execution.Input.missing");
                assertThat(e.cause("value.$", Map.of("a", 1)))
                    .isEqualTo(
                        "The JSONPath '$$.Execution.Input.missing' specified for the field"
                            + " 'value.$' could not be found in the input '{\"a\":1}'");
              });
    }

    @Test
    void undefinedVariableIsARuntimeError() {
      assertThatThrownBy(() -> eval("States.Array($nope)"))
          .isInstanceOfSatisfying(
              StatesError.class, e -> assertThat(e.error()).isEqualTo(ErrorNames.RUNTIME));
    }
  }
}
