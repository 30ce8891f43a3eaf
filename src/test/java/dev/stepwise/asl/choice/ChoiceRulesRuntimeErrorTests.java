package dev.stepwise.asl.choice;

import static dev.stepwise.asl.choice.ChoiceRulesSupport.matches;
import static dev.stepwise.asl.choice.ChoiceRulesSupport.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.path.Bindings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Choice rules on paths missing at run time: States.Runtime, except for IsPresent. */
class ChoiceRulesRuntimeErrorTests {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"Variable\": \"$.x\", \"StringEquals\": \"a\"}",
        "{\"Variable\": \"$.x\", \"NumericEquals\": 1}",
        "{\"Variable\": \"$.x\", \"IsNull\": true}",
        "{\"Variable\": \"$.x\", \"IsString\": false}",
        "{\"Variable\": \"$.x\", \"StringEqualsPath\": \"$.other\"}",
        "{\"Not\": {\"Variable\": \"$.x\", \"BooleanEquals\": true}}"
      })
  void aMissingVariableFailsWithStatesRuntime(String rule) {
    assertThatThrownBy(() -> matches(rule, "{\"other\": \"a\"}"))
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo(ErrorNames.RUNTIME);
              assertThat(e.cause())
                  .isEqualTo(
                      "Invalid path '$.x': The choice state's condition path references an"
                          + " invalid value.");
            });
  }

  @Test
  void aMissingComparisonPathFailsWithStatesRuntime() {
    String rule = "{\"Variable\": \"$.a\", \"NumericLessThanPath\": \"$.limits.max\"}";
    assertThatThrownBy(() -> matches(rule, "{\"a\": 1, \"limits\": {}}"))
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo(ErrorNames.RUNTIME);
              assertThat(e.cause())
                  .isEqualTo(
                      "Invalid path '$.limits.max': The choice state's condition path"
                          + " references an invalid value.");
            });
  }

  @Test
  void aMissingContextPathFailsWithStatesRuntime() {
    String rule = "{\"Variable\": \"$$.Execution.Input.nope\", \"IsNull\": false}";
    var bindings = new Bindings(Map.of(), Map.of("Execution", Map.of("Input", Map.of())));
    assertThatThrownBy(() -> rule(rule).matches(bindings))
        .isInstanceOf(StatesError.class)
        .hasMessageContaining("Invalid path '$$.Execution.Input.nope'");
  }

  @Test
  void isPresentDoesNotFailOnAMissingPath() {
    assertThat(matches("{\"Variable\": \"$.x.y\", \"IsPresent\": false}", "{\"x\": \"str\"}"))
        .isTrue();
  }
}
