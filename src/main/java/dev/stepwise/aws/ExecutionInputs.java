package dev.stepwise.aws;

import dev.stepwise.asl.Json;
import java.util.LinkedHashMap;
import java.util.Set;

/** What the execution operations take in: input as a JSON string, AWS's optional fields. */
final class ExecutionInputs {
  static final int MAX_INPUT = 262_144;
  static final Set<String> INCLUDED_DATA = Set.of("ALL_DATA", "METADATA_ONLY");

  private ExecutionInputs() {}

  /** The execution input: a JSON text, {@code {}} when absent. */
  static Object input(String input) {
    if (input == null) return new LinkedHashMap<String, Object>();
    Checks.length("input", input, 0, MAX_INPUT);
    try {
      return Json.parse(input);
    } catch (IllegalArgumentException e) {
      throw new AwsError(
          "InvalidExecutionInput", "Invalid Execution Input: the input is not valid JSON");
    }
  }

  /** Whether input and output are answered (includedData is ALL_DATA, the default). */
  static boolean includesData(String includedData) {
    Checks.oneOf("includedData", includedData, INCLUDED_DATA);
    return !"METADATA_ONLY".equals(includedData);
  }

  static String executionName(String name) {
    return name == null ? null : Checks.name("name", name);
  }

  static void errorAndCause(String error, String cause) {
    Checks.length("error", error, 0, 256);
    Checks.length("cause", cause, 0, 32_768);
  }
}
