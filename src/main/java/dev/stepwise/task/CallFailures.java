package dev.stepwise.task;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.engine.TaskOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** How a call that got no answer fails its Task (API.md §2). */
final class CallFailures {
  private CallFailures() {}

  static TaskOutcome denied(EgressDenied denial) {
    return new TaskOutcome.Failed(EgressDenied.ERROR, denial.getMessage() + "; nothing was sent");
  }

  static TaskOutcome transport(HttpRequest request, Duration timeout, Throwable failure) {
    if (GuardedConnector.tunnelRefused(failure)) {
      return new TaskOutcome.Failed(
          EgressDenied.ERROR,
          "Call to "
              + describe(request)
              + " was denied by "
              + EgressPolicy.POLICY
              + " when connecting; nothing was sent");
    }
    if (failure instanceof HttpConnectTimeoutException) {
      return new TaskOutcome.Failed(
          ErrorNames.HTTP_SOCKET, "Could not connect for " + describe(request) + ": timed out");
    }
    if (failure instanceof HttpTimeoutException) return timedOut(request, timeout);
    String reason =
        failure instanceof IOException
            ? failure.getClass().getSimpleName()
            : "Malformed answer: " + failure.getClass().getSimpleName();
    if (failure.getMessage() != null) reason += " (" + failure.getMessage() + ")";
    return new TaskOutcome.Failed(
        ErrorNames.HTTP_SOCKET, "Call to " + describe(request) + " failed: " + reason);
  }

  static TaskOutcome timedOut(HttpRequest request, Duration timeout) {
    return new TaskOutcome.Failed(
        ErrorNames.TIMEOUT, "No answer from " + describe(request) + " within " + timeout);
  }

  static TaskOutcome invalidRequest(URI uri, IllegalArgumentException e) {
    return new TaskOutcome.Failed(
        ErrorNames.RUNTIME, "Cannot build the request to " + uri + ": " + e.getMessage());
  }

  static String describe(HttpRequest request) {
    return request.method() + " " + request.uri();
  }
}
