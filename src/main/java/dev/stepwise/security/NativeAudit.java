package dev.stepwise.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the audit line of every state-changing native API call once it is answered, refusals
 * included. It sits just inside the security context's filter, so it sees the caller the
 * authentication further in established (and a refused caller as {@code anonymous}).
 */
final class NativeAudit extends OncePerRequestFilter {
  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = ProblemResponses.path(request);
    String action = NativeActions.audited(request.getMethod(), path);
    if (action == null || !path.startsWith("/v1/")) {
      chain.doFilter(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      AuditLog.record(Caller.current(), action, path, AuditLog.outcome(response.getStatus()));
    }
  }
}
