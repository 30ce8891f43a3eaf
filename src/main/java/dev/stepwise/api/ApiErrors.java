package dev.stepwise.api;

import dev.stepwise.admission.ThrottledException;
import dev.stepwise.execution.ExecutionRequestException;
import dev.stepwise.statemachine.ConflictException;
import dev.stepwise.statemachine.InvalidDefinitionException;
import dev.stepwise.statemachine.NotFoundException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Maps the API's exceptions to RFC 9457 problem details. */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {
  private static final URI THROTTLING = URI.create("urn:stepwise:problem:throttling");

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", e.getMessage());
  }

  @ExceptionHandler(ExecutionRequestException.class)
  ProblemDetail execution(ExecutionRequestException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    return problem(status, status.getReasonPhrase(), e.getMessage());
  }

  /**
   * 429 with {@code Retry-After}: the node is overloaded and refused a start (AWS answers such
   * calls with a {@code ThrottlingException}, which its clients retry with backoff).
   */
  @ExceptionHandler(ThrottledException.class)
  ResponseEntity<ProblemDetail> throttled(ThrottledException e) {
    var problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Throttled", e.getMessage());
    problem.setType(THROTTLING);
    problem.setProperty("code", "ThrottlingException");
    problem.setProperty("reason", e.reason().name().toLowerCase());
    problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(problem);
  }

  @ExceptionHandler(InvalidDefinitionException.class)
  ProblemDetail invalidDefinition(InvalidDefinitionException e) {
    var problem =
        problem(HttpStatus.BAD_REQUEST, "Invalid definition", e.getMessage());
    problem.setProperty("diagnostics", e.diagnostics());
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof PayloadTooLargeException tooLarge) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
    }
    String detail = "Malformed request body: " + cause.getMessage();
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "Bad request", detail));
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
