package dev.stepwise.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps other web sites from using a visitor's browser to change anything here (cross-site request
 * forgery). There is no authentication yet, so a page on any site could otherwise POST a form to
 * {@code http://localhost:8080/v1/executions/{id}/stop}.
 *
 * <p>A request that changes something (any method but GET, HEAD, OPTIONS) and comes from a browser
 * (it carries {@code Origin} or {@code Sec-Fetch-Site}, which browsers add and scripts cannot
 * forge) must carry the header {@value #HEADER} and come from this service's own origin. A page of
 * another site cannot send a custom header without a CORS preflight, which this service never
 * grants (it answers no CORS requests), and an HTML form cannot send one at all. Clients that are
 * not browsers (curl, SDKs, workers, the AWS wire API) send neither header and are not affected.
 * The console sends {@value #HEADER} on each of its calls, with JSON bodies only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CrossSiteRequestGuard extends OncePerRequestFilter {
  static final String HEADER = "X-Stepwise-Console";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SAFE.contains(request.getMethod()) || !fromBrowser(request)) {
      chain.doFilter(request, response);
      return;
    }
    String refusal = refusal(request);
    if (refusal == null) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/problem+json");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\""
                + refusal
                + "\"}");
  }

  private static boolean fromBrowser(HttpServletRequest request) {
    return request.getHeader("Origin") != null || request.getHeader("Sec-Fetch-Site") != null;
  }

  /** Why a browser's request is refused, or null when it is the console's own. */
  static String refusal(HttpServletRequest request) {
    if (request.getHeader(HEADER) == null) {
      return "A browser's request that changes something must carry the "
          + HEADER
          + " header (cross-site request forgery protection)";
    }
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return "Requests from other sites are refused";
    }
    String origin = request.getHeader("Origin");
    if (origin != null && !sameOrigin(origin, request)) {
      return "Requests from other origins are refused";
    }
    return null;
  }

  private static boolean sameOrigin(String origin, HttpServletRequest request) {
    try {
      String host = request.getHeader("Host");
      return host != null && URI.create(origin).getAuthority().equalsIgnoreCase(host);
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }
}
