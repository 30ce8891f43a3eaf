package dev.stepwise.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Caller}, however it proved itself; it carries no secret. */
final class CallerAuthentication extends AbstractAuthenticationToken {
  private final Caller caller;

  CallerAuthentication(Caller caller) {
    super(caller.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    this.caller = caller;
    setAuthenticated(true);
  }

  Caller caller() {
    return caller;
  }

  @Override
  public String getName() {
    return caller.name();
  }

  @Override
  public Object getPrincipal() {
    return caller;
  }

  @Override
  public Object getCredentials() {
    return null;
  }
}
