package dev.stepwise.asl.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.path.Bindings;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What the intrinsic function tests share: an input, a context and variables to evaluate against,
 * and asserting a States.IntrinsicFailure.
 */
final class IntrinsicFunctionsSupport {
  private IntrinsicFunctionsSupport() {}

  static final Object INPUT =
      Json.parse(
          """
          {"name": "Ada", "numbers": [1, 2, 3], "person": {"first": "Ada", "age": 36},
           "text": "a,b", "items": [{"id": "x", "n": 1}, {"id": "y", "n": 2}]}
          """);
  static final Object CONTEXT =
      Json.parse(
          """
          {"Execution": {"Id": "arn:aws:states:eu-west-1:1:execution:sm:run-42",
                         "Input": {"field": {"k": "v"}}},
           "StateMachine": {"Name": "orders-v2-prod"}}
          """);
  static final Bindings BINDINGS =
      new Bindings(INPUT, CONTEXT, Map.of("greeting", "Hello {}!", "config", Map.of("size", 2)));

  static Object eval(String expression) {
    return IntrinsicFunctions.evaluate(expression, BINDINGS);
  }

  static Object eval(String expression, Object input) {
    return IntrinsicFunctions.evaluate(expression, new Bindings(input, CONTEXT));
  }

  static void assertIntrinsicFailure(ThrowingCallable call, String causeFragment) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo(ErrorNames.INTRINSIC_FAILURE);
              assertThat(e.cause()).contains(causeFragment);
            });
  }
}
