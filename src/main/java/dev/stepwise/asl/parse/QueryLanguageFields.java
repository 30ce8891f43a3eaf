package dev.stepwise.asl.parse;

import java.util.List;

/** The state fields that belong to one query language only, rejected in states of the other. */
final class QueryLanguageFields {
  private static final List<String> JSONPATH_ONLY =
      List.of(
          "InputPath",
          "OutputPath",
          "Parameters",
          "ResultSelector",
          "ResultPath",
          "Result",
          "ItemsPath",
          "MaxConcurrencyPath",
          "TimeoutSecondsPath",
          "HeartbeatSecondsPath",
          "SecondsPath",
          "TimestampPath",
          "ErrorPath",
          "CausePath",
          "ToleratedFailureCountPath",
          "ToleratedFailurePercentagePath");
  private static final List<String> JSONATA_ONLY = List.of("Arguments", "Output", "Items");

  private QueryLanguageFields() {}

  static void check(ObjectFields f, boolean jsonata) {
    for (String field : jsonata ? JSONPATH_ONLY : JSONATA_ONLY) {
      if (f.has(field)) {
        f.error(
            field,
            Codes.TYPE,
            "Field '"
                + field
                + "' is only supported in "
                + (jsonata ? "JSONPath" : "JSONata")
                + " states (this state uses "
                + (jsonata ? "JSONata" : "JSONPath")
                + ")");
      }
    }
  }
}
