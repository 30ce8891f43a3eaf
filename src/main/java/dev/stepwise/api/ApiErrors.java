package dev.stepwise.api;

import dev.stepwise.admission.ThrottledException;
import dev.stepwise.database.DatabaseFailures;
import dev.stepwise.failure.Busy;
import dev.stepwise.failure.Conflict;
import dev.stepwise.failure.InvalidInput;
import dev.stepwise.failure.NotFound;
import dev.stepwise.failure.OverLimit;
import dev.stepwise.statemachine.InvalidDefinitionException;
import dev.stepwise.teststate.InvalidTestStateRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps the API's exceptions to RFC 9457 problem details. The modules throw exceptions of their own
 * that say what went wrong, each of a failure category ({@code dev.stepwise.failure}); the HTTP
 * status each category means is decided here only, so this class names no module's exception (only
 * those that carry more than a message: a definition's diagnostics, a throttle's retry time).
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
  private static final URI THROTTLING = URI.create("urn:stepwise:problem:throttling");

  @ExceptionHandler(NotFound.class)
  ProblemDetail notFound(NotFound e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(Conflict.class)
  ProblemDetail conflict(Conflict e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  /** A caller confined to a prefix named another state machine (roles are checked before). */
  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", e.getMessage());
  }

  // The next three are titled with the status's reason phrase, as they always were.
  @ExceptionHandler(OverLimit.class)
  ProblemDetail overLimit(OverLimit e) {
    return titledByStatus(HttpStatus.CONTENT_TOO_LARGE, e);
  }

  @ExceptionHandler(InvalidInput.class)
  ProblemDetail invalidInput(InvalidInput e) {
    return titledByStatus(HttpStatus.BAD_REQUEST, e);
  }

  /** A request that waited too long for something busy (a stop): the client just tries again. */
  @ExceptionHandler(Busy.class)
  ProblemDetail busy(Busy e) {
    return titledByStatus(HttpStatus.SERVICE_UNAVAILABLE, e);
  }

  private static ProblemDetail titledByStatus(HttpStatus status, RuntimeException e) {
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

  /** Invalid input too, with every problem found (the most specific handler wins). */
  @ExceptionHandler(InvalidDefinitionException.class)
  ProblemDetail invalidDefinition(InvalidDefinitionException e) {
    var problem = problem(HttpStatus.BAD_REQUEST, "Invalid definition", e.getMessage());
    problem.setProperty("diagnostics", e.diagnostics());
    return problem;
  }

  /** A TestState request that cannot run; a bad definition lists its problems, as on creation. */
  @ExceptionHandler(InvalidTestStateRequest.class)
  ProblemDetail invalidTestState(InvalidTestStateRequest e) {
    if (e.kind() != InvalidTestStateRequest.Kind.INVALID_DEFINITION) {
      return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }
    var problem = problem(HttpStatus.BAD_REQUEST, "Invalid definition", e.getMessage());
    problem.setProperty("diagnostics", e.diagnostics());
    return problem;
  }

  /**
   * The database out of reach (or a transient fault that outlasted the retries): 503 with
   * Retry-After, at once, so that clients and load balancers back off instead of waiting. Any other
   * database failure is a 500 problem detail that names no internal class.
   */
  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<ProblemDetail> database(RuntimeException e) {
    if (DatabaseFailures.isTransient(e)) return unavailable(e);
    log.error("A request failed in the database", e);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "The request failed in the database"));
  }

  private static ResponseEntity<ProblemDetail> unavailable(Exception e) {
    log.debug("Answered 503: {}", DatabaseFailures.describe(e));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseFailures.RETRY_AFTER_SECONDS))
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Service unavailable",
                "The database is unavailable; try again later"));
  }

  /**
   * Data the database refuses to store, in a request's own transaction: the client's data, so a 400
   * (a duplicate key is a conflict, answered where it can happen).
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail refused(DataIntegrityViolationException e) {
    log.warn("The database refused a request's data", e);
    String reason = e.getMostSpecificCause().getMessage();
    String first = reason == null ? "" : reason.lines().findFirst().orElse("").trim();
    if (first.startsWith("ERROR: ")) first = first.substring("ERROR: ".length());
    return problem(
        HttpStatus.BAD_REQUEST, "Bad request", "The request's data could not be stored: " + first);
  }

  /**
   * Anything else is a defect of the service: a plain 500 problem detail, never Spring's default
   * body or a message naming internal classes (the log has the details).
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    // A lost database connection can arrive wrapped in anything.
    if (DatabaseFailures.isUnavailable(e)) return unavailable(e);
    log.error("Request failed", e);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "The request could not be completed because of an internal error (logged by the"
                    + " service)"));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof PayloadTooLargeException tooLarge) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
    }
    String detail =
        e.getCause() == null
                && String.valueOf(e.getMessage()).startsWith("Required request body is missing")
            ? "A request body is required"
            : RequestBodyProblems.describe(e);
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Bad request", detail));
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
