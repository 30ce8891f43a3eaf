package dev.stepwise.aws;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AWS JSON 1.0 protocol: {@code POST /} with {@code X-Amz-Target: AWSStepFunctions.<Operation>}
 * dispatches to that operation. Any {@code Host} is accepted (SDKs prefix {@code sync-} for
 * StartSyncExecution), and so is any content type: AWS's own {@code application/x-amz-json-1.0} and
 * plain {@code application/json}. SigV4 signatures are accepted and not checked.
 */
@RestController
class WireEndpoint {
  static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final String TARGET_PREFIX = "AWSStepFunctions.";

  private final Operations operations;

  /**
   * AWS's error body; clients read the name after the '#'. {@code reason} is a
   * ValidationException's, when there is one.
   */
  record ErrorBody(@JsonProperty("__type") String type, String message, String reason) {}

  WireEndpoint(Operations operations) {
    this.operations = operations;
  }

  @PostMapping(path = "/", headers = "X-Amz-Target")
  ResponseEntity<byte[]> call(
      @RequestHeader("X-Amz-Target") String target, HttpServletRequest request) {
    String name = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
    try {
      var operation =
          operations
              .find(name)
              .orElseThrow(
                  () ->
                      new AwsError(
                          AwsError.UNKNOWN_OPERATION, "Unknown operation: '" + target + "'"));
      return answer(200, WireJson.write(operation.invoke(body(request))));
    } catch (RuntimeException e) {
      AwsError error = AwsErrors.translate(name, e);
      return answer(
          error.status(),
          WireJson.write(
              new ErrorBody(
                  "com.amazonaws.sfn#" + error.code(), error.getMessage(), error.reason())));
    }
  }

  private static byte[] body(HttpServletRequest request) {
    try {
      return request.getInputStream().readAllBytes();
    } catch (IOException e) {
      // The size limit (a definition may be 1 MiB, as on AWS) or a client that went away.
      throw AwsError.validation("The request body could not be read: " + e.getMessage());
    }
  }

  private static ResponseEntity<byte[]> answer(int status, byte[] body) {
    return ResponseEntity.status(status)
        .header(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
        .header("x-amzn-RequestId", UUID.randomUUID().toString())
        .body(body);
  }
}
