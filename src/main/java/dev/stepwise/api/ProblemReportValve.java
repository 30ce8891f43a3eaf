package dev.stepwise.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for the errors it answers itself, before any servlet runs (a malformed or
 * over-long request line, headers too large, bad percent-encoding): a problem detail like every
 * other error of the native API, or an AWS JSON error for a wire API call ({@code X-Amz-Target}),
 * in place of Tomcat's HTML page. It names no server, class or stack trace.
 */
class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
    var ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) return;
    HttpStatus known = HttpStatus.resolve(status);
    String reason = known == null ? "Error" : known.getReasonPhrase();
    boolean wire = header(request, "X-Amz-Target") != null;
    String body;
    try {
      if (wire) {
        response.setContentType("application/x-amz-json-1.0");
        body =
            "{\"__type\":\""
                + (status >= 500 ? "InternalFailure" : "ValidationException")
                + "\",\"message\":\"The request was refused: "
                + reason
                + "\"}";
      } else {
        response.setContentType("application/problem+json");
        String detail =
            status >= 500
                ? "The request could not be completed because of an internal error (logged by the"
                    + " service)"
                : "The request was refused: " + reason;
        body =
            "{\"type\":\"about:blank\",\"title\":\""
                + reason
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}";
      }
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the answer was already on its way: nothing more to say.
    }
  }

  // A request whose headers could not be read may have none to ask for.
  private static String header(Request request, String name) {
    try {
      return request.getHeader(name);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
