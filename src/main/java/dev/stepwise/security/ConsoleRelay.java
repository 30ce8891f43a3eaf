package dev.stepwise.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the signed-in console call the REST API without a token of its own: {@code /console/v1/...}
 * is forwarded, inside the server, to {@code /v1/...} with the console user as the caller. The
 * API's own filter chain runs again on the forward and applies its roles and prefixes unchanged,
 * while {@code /v1} itself never reads the login (it stays bearer-only and stateless). Only this
 * path carries the login to the API, and it sits behind the console's CSRF check.
 */
final class ConsoleRelay extends OncePerRequestFilter {
  static final String PREFIX = "/console/v1/";
  private static final RequestAttributeSecurityContextRepository HANDOVER =
      new RequestAttributeSecurityContextRepository();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = ProblemResponses.path(request);
    if (!path.startsWith(PREFIX)) {
      chain.doFilter(request, response);
      return;
    }
    // The API's chain loads its security context from this request attribute.
    HANDOVER.saveContext(SecurityContextHolder.getContext(), request, response);
    String target = path.substring("/console".length());
    if (request.getQueryString() != null) target += "?" + request.getQueryString();
    request.getRequestDispatcher(target).forward(request, response);
  }
}
