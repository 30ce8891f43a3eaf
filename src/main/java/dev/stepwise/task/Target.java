package dev.stepwise.task;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where a Task resource's calls go. */
public sealed interface Target {

  /**
   * An endpoint that receives the state's effective input as a JSON POST.
   *
   * @param timeout the route's cap on a call's duration, or null for none
   */
  record Endpoint(URI url, Map<String, String> headers, Duration timeout) implements Target {
    public Endpoint {
      headers = Map.copyOf(headers);
    }
  }

  /** AWS's HTTP Task: method, endpoint, headers and body come from the payload at call time. */
  record HttpInvoke() implements Target {}

  /**
   * AWS's optimized Lambda integration: the function named in the payload picks the route at call
   * time, and the endpoint gets the payload's {@code Payload}.
   */
  record LambdaInvoke() implements Target {}
}
