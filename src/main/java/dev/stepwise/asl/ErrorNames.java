package dev.stepwise.asl;

import java.util.List;

/** The predefined error names of the specification and AWS, and their matching rules. */
public final class ErrorNames {
  public static final String ALL = "States.ALL";
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  public static final String TIMEOUT = "States.Timeout";
  public static final String TASK_FAILED = "States.TaskFailed";
  public static final String PERMISSIONS = "States.Permissions";
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
  public static final String BRANCH_FAILED = "States.BranchFailed";
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
  public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD =
      "States.ExceedToleratedFailureThreshold";
  public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
  public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
  public static final String RUNTIME = "States.Runtime";
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  public static final String HTTP_SOCKET = "States.Http.Socket";

  /** Errors that no retrier or catcher can handle, whatever it names (spec: "terminal"). */
  private static final List<String> UNCATCHABLE = List.of(RUNTIME, DATA_LIMIT_EXCEEDED);

  private ErrorNames() {}

  /**
   * Whether an {@code ErrorEquals} entry matches an error. {@code States.ALL} matches every
   * catchable error; {@code States.TaskFailed} matches every error but {@code States.Timeout} that
   * a Task can raise, which AWS applies to all non-{@code States.*} names as well.
   */
  public static boolean matches(String pattern, String error) {
    if (error == null) error = "";
    if (isUncatchable(error)) {
      return false;
    }
    if (pattern.equals(error)) return true;
    if (ALL.equals(pattern)) return true;
    if (TASK_FAILED.equals(pattern)) {
      return !TIMEOUT.equals(error) && !HEARTBEAT_TIMEOUT.equals(error);
    }
    return false;
  }

  public static boolean isUncatchable(String error) {
    return error != null && UNCATCHABLE.contains(error);
  }
}
