package dev.stepwise.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page the servlet container forwards to when a request fails outside the controllers (a
 * filter, the container itself): a problem detail like every other error, in place of Spring Boot's
 * default body. Asked for directly, there is nothing there (404).
 */
@RestController
class ErrorPage implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer c && HttpStatus.resolve(c) != null
            ? HttpStatus.valueOf(c)
            : HttpStatus.NOT_FOUND;
    var problem = ProblemDetail.forStatus(status);
    problem.setTitle(status.getReasonPhrase());
    problem.setDetail(
        status.is5xxServerError()
            ? "The request could not be completed because of an internal error (logged by the service)"
            : "The request was refused: " + status.getReasonPhrase());
    return ResponseEntity.status(status).body(problem);
  }
}
