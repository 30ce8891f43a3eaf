package dev.stepwise.engine;

import java.util.regex.Pattern;

/** What a Task's {@code Resource} says about how the state waits for its result. */
public final class TaskResources {
  public static final String WAIT_FOR_TASK_TOKEN = ".waitForTaskToken";

  /** Step Functions' own StartExecution, which starts an execution of another state machine. */
  public static final String START_EXECUTION = "arn:aws:states:::states:startExecution";

  /** Waits for the started execution's end, its input and output as JSON text. */
  public static final String SYNC = ".sync";

  /** Waits for the started execution's end, its input and output as JSON values. */
  public static final String SYNC_2 = ".sync:2";

  // Any partition, region and account: activities are matched by name.
  private static final Pattern ACTIVITY =
      Pattern.compile("arn:[^:]+:states:[^:]*:[^:]*:activity:([A-Za-z0-9_-]{1,80})");

  private TaskResources() {}

  /** The activity an ARN names, or null when the resource is not an activity ARN. */
  public static String activityName(String resource) {
    if (resource == null) return null;
    var matcher = ACTIVITY.matcher(resource);
    return matcher.matches() ? matcher.group(1) : null;
  }

  /** AWS names an activity state's events Activity…, every other Task's Task…. */
  public static String eventPrefix(String resource) {
    return activityName(resource) == null ? "Task" : "Activity";
  }

  /**
   * Whether the resource is {@code states:startExecution} in one of the patterns AWS offers for it:
   * none (fire and forget), {@code .sync}, {@code .sync:2} or {@code .waitForTaskToken}.
   */
  public static boolean startsExecution(String resource) {
    return resource != null
        && resource.startsWith(START_EXECUTION)
        && switch (resource.substring(START_EXECUTION.length())) {
          case "", SYNC, SYNC_2, WAIT_FOR_TASK_TOKEN -> true;
          default -> false;
        };
  }

  /** Whether the state waits for the end of the execution it starts ({@code .sync}, {@code :2}). */
  public static boolean waitsForChildExecution(String resource) {
    return startsExecution(resource) && (resource.endsWith(SYNC) || resource.endsWith(SYNC_2));
  }

  /** Whether the state hands out a task token and waits for an answer quoting it. */
  public static boolean waitsForCallback(String resource) {
    return resource != null
        && (resource.endsWith(WAIT_FOR_TASK_TOKEN) || activityName(resource) != null);
  }
}
