package dev.stepwise.aws;

/**
 * An error answered the AWS way: one of AWS's error names for the operation ({@code __type}) and a
 * message. Client errors are 400, as on AWS; only the service's own failures are 5xx.
 */
public class AwsError extends RuntimeException {
  static final String INVALID_ARN = "InvalidArn";
  static final String INVALID_NAME = "InvalidName";
  static final String INVALID_TOKEN = "InvalidToken";
  static final String INVALID_DEFINITION = "InvalidDefinition";
  static final String VALIDATION = "ValidationException";
  static final String SERIALIZATION = "SerializationException";
  static final String UNKNOWN_OPERATION = "UnknownOperationException";
  static final String STATE_MACHINE_DOES_NOT_EXIST = "StateMachineDoesNotExist";
  static final String EXECUTION_DOES_NOT_EXIST = "ExecutionDoesNotExist";
  static final String ACTIVITY_DOES_NOT_EXIST = "ActivityDoesNotExist";
  static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
  static final String CONFLICT = "ConflictException";

  /** AWS's {@code ValidationExceptionReason} values this server gives. */
  static final String INVALID_ROUTING_CONFIGURATION = "INVALID_ROUTING_CONFIGURATION";

  static final String MISSING_REQUIRED_PARAMETER = "MISSING_REQUIRED_PARAMETER";
  static final String CANNOT_UPDATE_COMPLETED_MAP_RUN = "CANNOT_UPDATE_COMPLETED_MAP_RUN";

  private final String code;
  private final int status;
  private final String reason;

  public AwsError(String code, String message) {
    this(code, message, 400);
  }

  public AwsError(String code, String message, int status) {
    this(code, message, status, null);
  }

  private AwsError(String code, String message, int status, String reason) {
    super(message);
    this.code = code;
    this.status = status;
    this.reason = reason;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  /** A ValidationException's {@code reason} member, when AWS gives one for the problem. */
  public String reason() {
    return reason;
  }

  /** AWS's wording for a field that breaks its constraints. */
  static AwsError validation(String message) {
    return new AwsError(VALIDATION, message);
  }

  static AwsError validation(String reason, String message) {
    return new AwsError(VALIDATION, message, 400, reason);
  }

  static AwsError constraint(String field, Object value, String constraint) {
    return validation(
        "1 validation error detected: Value "
            + (value == null ? "null" : "'" + value + "'")
            + " at '"
            + field
            + "' failed to satisfy constraint: "
            + constraint);
  }
}
