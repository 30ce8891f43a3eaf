package dev.stepwise.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in to the console through the OpenID Connect provider: the provider's user and
 * the {@link Caller} its claims made at login (kept in the server-side login, so the roles are
 * those of the moment of signing in until the person signs in again).
 */
final class ConsoleUser extends DefaultOidcUser {
  private static final long serialVersionUID = 1L;
  private final Caller caller;

  ConsoleUser(Caller caller, OidcUser user) {
    super(
        caller.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(),
        user.getIdToken(),
        user.getUserInfo());
    this.caller = caller;
  }

  Caller caller() {
    return caller;
  }

  @Override
  public String getName() {
    return caller.name();
  }
}
