package dev.stepwise.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 on the native API as RFC 9457 problem details, like every other error there. A 401
 * carries {@code WWW-Authenticate: Bearer} (with {@code error="invalid_token"} when credentials
 * were sent and refused); neither names anything about the key or token that was sent.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean sent = request.getHeader("Authorization") != null;
    String detail;
    if (!sent) {
      detail = "Authentication is required: send 'Authorization: Bearer <key or token>'";
    } else if (e instanceof OAuth2AuthenticationException oauth
        && oauth.getError().getDescription() != null) {
      detail = "The credentials were refused: " + oauth.getError().getDescription();
    } else {
      detail = "The credentials were refused";
    }
    response.setHeader(
        "WWW-Authenticate", sent ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"stepwise\"");
    write(response, 401, "Unauthorized", detail);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String detail;
    if (e instanceof CsrfException) {
      detail =
          "The console's CSRF token is missing or stale (cross-site request forgery protection):"
              + " reload the page";
    } else if (e.getMessage() != null && e.getMessage().startsWith("'")) {
      detail = e.getMessage();
    } else {
      detail = "The caller's roles do not allow " + request.getMethod() + " " + path(request);
    }
    write(response, 403, "Forbidden", detail);
  }

  static void write(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }

  static String jsonString(String text) {
    return new String(JSON.writeValueAsBytes(text), StandardCharsets.UTF_8);
  }

  static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
