package dev.stepwise.aws;

/**
 * How AWS names a Task's resource in history events: a service integration {@code
 * arn:aws:states:::lambda:invoke} is resource type {@code lambda} and resource {@code invoke}; any
 * other ARN is its service and the whole ARN; an endpoint URL (a Stepwise resource) is {@code http}
 * and the URL.
 */
record TaskResourceNames(String resourceType, String resource) {

  static TaskResourceNames of(String resource) {
    if (resource == null) return new TaskResourceNames("unknown", "unknown");
    if (resource.startsWith("http://") || resource.startsWith("https://")) {
      return new TaskResourceNames("http", resource);
    }
    String[] parts = resource.split(":", 7);
    if (parts.length >= 6 && parts[0].equals("arn")) {
      boolean integration =
          parts[2].equals("states")
              && parts[3].isEmpty()
              && parts[4].isEmpty()
              && parts.length == 7;
      if (integration) return new TaskResourceNames(parts[5], parts[6]);
      return new TaskResourceNames(parts[2], resource);
    }
    return new TaskResourceNames("unknown", resource);
  }
}
