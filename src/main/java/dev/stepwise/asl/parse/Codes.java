package dev.stepwise.asl.parse;

/** The diagnostic codes a definition can be rejected with. */
final class Codes {
  static final String INVALID_JSON = "INVALID_JSON_DESCRIPTION";
  static final String MISSING_FIELD = "SCHEMA_VALIDATION_FAILED";
  static final String TYPE = "SCHEMA_VALIDATION_FAILED";
  static final String RANGE = "SCHEMA_VALIDATION_FAILED";
  static final String UNKNOWN_FIELD = "SCHEMA_VALIDATION_FAILED";
  static final String INVALID_PATH = "INVALID_JSON_PATH";
  static final String MISSING_TRANSITION = "MISSING_TRANSITION_TARGET";
  static final String MISSING_END_STATE = "MISSING_END_STATE";
  static final String INVALID_STATE_NAME = "INVALID_STATE_NAME";
  static final String UNKNOWN_STATE_TYPE = "SCHEMA_VALIDATION_FAILED";
  static final String DUPLICATE_STATE_NAME = "DUPLICATE_STATE_NAME";
  static final String UNSUPPORTED = "UNSUPPORTED_FEATURE";
  static final String INVALID_RESOURCE = "INVALID_RESOURCE";
  static final String INVALID_JSONATA = "INVALID_JSONATA";

  private Codes() {}
}
