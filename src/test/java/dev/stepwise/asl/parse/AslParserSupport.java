package dev.stepwise.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepwise.asl.model.StateMachine;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;

/**
 * What the parser and validation tests share: the diagnostic codes, parsing a definition written
 * with single quotes, and asserting that it is valid or which diagnostics it has.
 */
final class AslParserSupport {
  private AslParserSupport() {}

  static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
  static final String PATH = "INVALID_JSON_PATH";
  static final String TARGET = "MISSING_TRANSITION_TARGET";
  static final String DUPLICATE = "DUPLICATE_STATE_NAME";
  static final String UNSUPPORTED = "UNSUPPORTED_FEATURE";
  static final String NO_END = "MISSING_END_STATE";

  static AslParser.Result parse(String singleQuoted) {
    return AslParser.parse(singleQuoted.replace('\'', '"'));
  }

  static StateMachine valid(String singleQuoted) {
    var result = parse(singleQuoted);
    assertThat(result.diagnostics()).as("diagnostics").isEmpty();
    assertThat(result.valid()).isTrue();
    return result.stateMachine();
  }

  static ListAssert<Tuple> diagnostics(String singleQuoted) {
    var result = parse(singleQuoted);
    assertThat(result.valid()).as("valid").isFalse();
    assertThat(result.stateMachine()).isNull();
    return assertThat(
            result.diagnostics().stream().map(d -> tuple(d.code(), d.location())).toList())
        .as("diagnostics %s", result.diagnostics());
  }

  /** A definition whose only state is {@code state}, named {@code name}. */
  static String single(String name, String state) {
    return "{'StartAt': '" + name + "', 'States': {'" + name + "': " + state + "}}";
  }

  /**
   * {@code state} named X, and a Succeed state Y when X names it (so that every state is
   * reachable).
   */
  static String withState(String state) {
    String y = state.contains("'Y'") ? ", 'Y': {'Type': 'Succeed'}" : "";
    return "{'StartAt': 'X', 'States': {'X': " + state + y + "}}";
  }
}
