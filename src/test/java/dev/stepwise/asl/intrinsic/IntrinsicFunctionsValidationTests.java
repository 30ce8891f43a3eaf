package dev.stepwise.asl.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of intrinsic function calls in a definition, before they run. */
class IntrinsicFunctionsValidationTests {
  private static List<Diagnostic> diagnostics(String expression) {
    var diagnostics = new ArrayList<Diagnostic>();
    IntrinsicFunctions.validate(expression, "/States/A/Parameters/x.$", diagnostics);
    return diagnostics;
  }

  @Test
  void validExpressionHasNoDiagnostics() {
    assertThat(diagnostics("States.Format('{} {}', $.a, States.Array($$.Execution.Id, $v.x))"))
        .isEmpty();
  }

  @Test
  void syntaxError() {
    assertThat(diagnostics("States.Array('a',)"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(IntrinsicFunctions.INVALID_INTRINSIC_FUNCTION);
              assertThat(d.location()).isEqualTo("/States/A/Parameters/x.$");
              assertThat(d.message()).contains("Expected an argument");
            });
  }

  @Test
  void invalidEscapeAndUnterminatedString() {
    assertThat(diagnostics("States.Array('\\n')"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("Invalid escape sequence"));
    assertThat(diagnostics("States.Array('abc)"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("Unterminated string"));
  }

  @Test
  void unknownFunction() {
    assertThat(diagnostics("States.Array(States.Upper('a'))"))
        .singleElement()
        .satisfies(
            d -> assertThat(d.message()).contains("Unknown intrinsic function 'States.Upper'"));
  }

  @Test
  void wrongArgumentCounts() {
    assertThat(diagnostics("States.MathAdd(1)"))
        .singleElement()
        .satisfies(
            d -> assertThat(d.message()).contains("takes exactly 2 arguments but was given 1"));
    assertThat(diagnostics("States.UUID(1)"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("takes no arguments"));
    assertThat(diagnostics("States.MathRandom(1, 2, 3, 4)"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("takes 2 to 3 arguments"));
    assertThat(diagnostics("States.Format()"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("takes at least 1 argument"));
  }

  @Test
  void formatPlaceholdersMustMatchValues() {
    assertThat(diagnostics("States.Format('{} and {}', $.a)"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("has 2 placeholders but 1 values"));
    assertThat(diagnostics("States.Format('\\{} and {}', $.a)")).isEmpty();
    assertThat(diagnostics("States.Format($.template, $.a, $.b)")).isEmpty();
  }

  @Test
  void invalidPathArgument() {
    assertThat(diagnostics("States.Array($.a['b)"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("Unterminated path"));
    assertThat(diagnostics("States.Array($.a..)"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("'$.a..' is not a valid JSONPath"));
  }

  @Test
  void tooDeeplyNested() {
    String ten = "States.Array(".repeat(10) + ")".repeat(10);
    assertThat(diagnostics(ten)).isEmpty();
    assertThat(diagnostics("States.Array(" + ten + ")"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("More than 10"));
  }

  @Test
  void everyProblemIsReported() {
    assertThat(diagnostics("States.Array(States.Nope(), States.ArrayLength())")).hasSize(2);
  }
}
