package dev.stepwise.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where the console's chain keeps a signed-in person: a row of {@link ConsoleLoginStore} found by
 * the {@value #COOKIE_NAME} cookie, not in the servlet container, so that every replica knows the
 * login. Signing in always makes a new token (no fixation); the row's expiry moves with use ({@code
 * stepwise.security.oidc.login-idle-timeout}); signing out deletes it.
 */
final class ConsoleLogins implements SecurityContextRepository {
  static final String COOKIE_NAME = "stepwise-login";
  private static final ConsoleLoginStore.Cookies COOKIE =
      new ConsoleLoginStore.Cookies(COOKIE_NAME, "/", null);
  private static final String KIND = "login";
  private final ConsoleLoginStore store;
  private final Duration idle;

  ConsoleLogins(ConsoleLoginStore store, Duration idle) {
    this.store = store;
    this.idle = idle;
  }

  @Override
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    HttpServletRequest request = holder.getRequest();
    var found = store.load(KIND, COOKIE, request);
    if (found.isPresent() && found.get() instanceof SecurityContext context) {
      store.extend(KIND, COOKIE, request, idle);
      return context;
    }
    return SecurityContextHolder.createEmptyContext();
  }

  @Override
  public void saveContext(
      SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    store.forget(COOKIE, request, response);
    if (context.getAuthentication() != null && context.getAuthentication().isAuthenticated()) {
      store.save(
          KIND,
          new SecurityContextImpl(context.getAuthentication()),
          idle,
          COOKIE,
          request,
          response);
    }
  }

  @Override
  public boolean containsContext(HttpServletRequest request) {
    return store.load(KIND, COOKIE, request).isPresent();
  }

  /** Ends the request's login (signing out). */
  void forget(HttpServletRequest request, HttpServletResponse response) {
    store.forget(COOKIE, request, response);
  }
}
