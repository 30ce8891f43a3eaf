package dev.stepwise.engine;

import java.util.regex.Pattern;

/** What a Task's {@code Resource} says about how the state waits for its result. */
public final class TaskResources {
  public static final String WAIT_FOR_TASK_TOKEN = ".waitForTaskToken";

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

  /** Whether the state hands out a task token and waits for an answer quoting it. */
  public static boolean waitsForCallback(String resource) {
    return resource != null
        && (resource.endsWith(WAIT_FOR_TASK_TOKEN) || activityName(resource) != null);
  }
}
