package dev.stepwise.asl.parse;

import static dev.stepwise.asl.parse.AslParserSupport.parse;
import static dev.stepwise.asl.parse.AslParserSupport.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;

/**
 * What the validation tests share beside the parser tests' support: the codes only validation
 * reports, and asserting a definition valid or its diagnostics (without asking for the state
 * machine).
 */
final class ValidationSupport {
  private ValidationSupport() {}

  static void valid(String singleQuoted) {
    assertThat(parse(singleQuoted).diagnostics()).as("diagnostics").isEmpty();
  }

  static ListAssert<Tuple> diagnostics(String singleQuoted) {
    var result = parse(singleQuoted);
    assertThat(result.valid()).as("valid").isFalse();
    return assertThat(
            result.diagnostics().stream().map(d -> tuple(d.code(), d.location())).toList())
        .as("diagnostics %s", result.diagnostics());
  }

  /** A single Task state T with {@code fields} added. */
  static ListAssert<Tuple> task(String fields) {
    return diagnostics(
        single("T", "{'Type': 'Task', 'Resource': 'r', 'End': true, " + fields + "}"));
  }

  static final String INVALID_JSON = "INVALID_JSON_DESCRIPTION";
  static final String STATE_NAME = "INVALID_STATE_NAME";
  static final String INTRINSIC = "INVALID_INTRINSIC_FUNCTION";
  static final String JSONATA = "INVALID_JSONATA";
}
