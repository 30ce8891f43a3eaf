package dev.stepwise.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * The console's sign-ins under way (state, nonce, PKCE verifier) in {@link ConsoleLoginStore}, so
 * that the provider's redirect back may reach any replica. The row is found by a cookie set when
 * the browser went to the provider, so a code and state that someone else's browser obtained sign
 * no one in here (login CSRF); it lasts ten minutes and serves once.
 */
final class ConsoleLoginRequests
    implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {
  private static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final ConsoleLoginStore.Cookies COOKIE =
      new ConsoleLoginStore.Cookies("stepwise-login-request", "/console/", LIFETIME);
  private static final String KIND = "request";
  private final ConsoleLoginStore store;

  ConsoleLoginRequests(ConsoleLoginStore store) {
    this.store = store;
  }

  @Override
  public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
    String state = request.getParameter(OAuth2ParameterNames.STATE);
    if (state == null) return null;
    return store
        .load(KIND, COOKIE, request)
        .filter(OAuth2AuthorizationRequest.class::isInstance)
        .map(OAuth2AuthorizationRequest.class::cast)
        .filter(saved -> state.equals(saved.getState()))
        .orElse(null);
  }

  @Override
  public void saveAuthorizationRequest(
      OAuth2AuthorizationRequest authorization,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (authorization == null) {
      store.forget(COOKIE, request, response);
      return;
    }
    store.save(KIND, authorization, LIFETIME, COOKIE, request, response);
  }

  @Override
  public OAuth2AuthorizationRequest removeAuthorizationRequest(
      HttpServletRequest request, HttpServletResponse response) {
    OAuth2AuthorizationRequest found = loadAuthorizationRequest(request);
    if (found != null) store.forget(COOKIE, request, response);
    return found;
  }
}
