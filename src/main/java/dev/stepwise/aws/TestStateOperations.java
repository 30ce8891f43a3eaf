package dev.stepwise.aws;

import dev.stepwise.teststate.StateTester;
import dev.stepwise.teststate.TestStateRequest;
import dev.stepwise.teststate.TestStateRequest.FieldValidationMode;
import dev.stepwise.teststate.TestStateRequest.InspectionLevel;
import dev.stepwise.teststate.TestStateResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * TestState: one state run on its own by {@link StateTester}, whose request and answer are AWS's
 * shapes already (JSON payloads as JSON text). Only the enumerations are read here, so that an
 * unknown value is AWS's {@code ValidationException}, not a {@code SerializationException}; a
 * request the tester refuses is {@code InvalidDefinition}, {@code InvalidExecutionInput} or {@code
 * ValidationException} (AwsErrors).
 */
@Component
class TestStateOperations implements OperationGroup {
  private final StateTester tester;

  TestStateOperations(StateTester tester) {
    this.tester = tester;
  }

  record TestStateRequestShape(
      String definition,
      String roleArn,
      String input,
      String inspectionLevel,
      Boolean revealSecrets,
      String variables,
      String stateName,
      MockInput mock,
      String context,
      TestStateRequest.TestStateConfiguration stateConfiguration) {}

  record MockInput(
      String result, TestStateRequest.MockErrorOutput errorOutput, String fieldValidationMode) {}

  @Override
  public List<Operation<?>> operations() {
    return List.of(Operation.of("TestState", TestStateRequestShape.class, this::test));
  }

  private TestStateResponse test(TestStateRequestShape request) {
    Checks.length("definition", Checks.required("definition", request.definition()), 1, 1048576);
    Checks.length("roleArn", request.roleArn(), 1, 256);
    Checks.length("stateName", request.stateName(), 1, 80);
    MockInput mock = request.mock();
    return tester.test(
        new TestStateRequest(
            request.definition(),
            request.roleArn(),
            request.input(),
            named(InspectionLevel.class, "inspectionLevel", request.inspectionLevel()),
            request.revealSecrets(),
            request.variables(),
            request.stateName(),
            mock == null
                ? null
                : new TestStateRequest.MockInput(
                    mock.result(),
                    mock.errorOutput(),
                    named(
                        FieldValidationMode.class,
                        "mock.fieldValidationMode",
                        mock.fieldValidationMode())),
            request.context(),
            request.stateConfiguration()));
  }

  private static <E extends Enum<E>> E named(Class<E> type, String field, String value) {
    if (value == null) return null;
    Set<String> names =
        Arrays.stream(type.getEnumConstants())
            .map(Enum::name)
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    Checks.oneOf(field, value, names);
    return Enum.valueOf(type, value);
  }
}
