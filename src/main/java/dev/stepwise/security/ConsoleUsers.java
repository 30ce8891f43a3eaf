package dev.stepwise.security;

import java.util.HashMap;
import java.util.Map;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Makes the console's signed-in user from what the provider answered at login: the ID token and
 * userinfo (checked by Spring's {@link OidcUserService}), and the access token when it is a JWT the
 * API would accept. The roles, prefix and name come from the claims {@code
 * stepwise.security.oidc.*} configures, as for bearer tokens; the ID token and userinfo win over
 * the access token, which many providers (Keycloak, Entra ID) are the only ones to carry roles in.
 */
final class ConsoleUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {
  private final OidcUserService provider = new OidcUserService();
  private final SecurityProperties.Oidc settings;
  private final JwtDecoder accessTokens;

  ConsoleUsers(SecurityProperties.Oidc settings, JwtDecoder accessTokens) {
    this.settings = settings;
    this.accessTokens = accessTokens;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = provider.loadUser(request);
    Map<String, Object> claims = new HashMap<>(accessTokenClaims(request));
    claims.putAll(user.getClaims());
    return new ConsoleUser(OidcCallers.caller(settings, claims), user);
  }

  private Map<String, Object> accessTokenClaims(OidcUserRequest request) {
    if (accessTokens == null) return Map.of();
    try {
      return accessTokens.decode(request.getAccessToken().getTokenValue()).getClaims();
    } catch (JwtException opaqueOrForeign) {
      // Not a JWT the API would take: its claims say nothing this service may trust.
      return Map.of();
    }
  }
}
