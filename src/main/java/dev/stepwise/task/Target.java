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
   * @param trusted whether an operator configured it (a route), so that the egress policy does not
   *     apply; a URL written in a definition is not
   */
  record Endpoint(URI url, Map<String, String> headers, Duration timeout, boolean trusted)
      implements Target {
    public Endpoint {
      headers = Map.copyOf(headers);
    }

    /** An endpoint written in a definition, which the egress policy applies to. */
    public Endpoint(URI url, Map<String, String> headers, Duration timeout) {
      this(url, headers, timeout, false);
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
