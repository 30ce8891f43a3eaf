package dev.stepwise.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A validated JWT as a {@link Caller}: its name from {@code principal-claim} ({@code sub}), its
 * roles from {@code roles-claim} (a list, or a string of names separated by spaces or commas; names
 * that are no role are ignored), and its prefix from {@code prefix-claim} when one is configured.
 * The console's login reads the same claims from its ID token, userinfo and access token.
 */
final class OidcCallers implements Converter<Jwt, AbstractAuthenticationToken> {
  private final SecurityProperties.Oidc settings;

  OidcCallers(SecurityProperties.Oidc settings) {
    this.settings = settings;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    return new CallerAuthentication(caller(settings, jwt.getClaims()));
  }

  /** The caller the claims describe: a JWT's, or an ID token's and its userinfo's. */
  static Caller caller(SecurityProperties.Oidc settings, Map<String, Object> claims) {
    String name = text(claims.get(settings.principalClaim()));
    if (name == null) name = text(claims.get("sub"));
    String prefix =
        settings.prefixClaim() == null ? null : text(claims.get(settings.prefixClaim()));
    return new Caller(name, roles(claims.get(settings.rolesClaim())), prefix);
  }

  private static String text(Object claim) {
    return claim == null ? null : String.valueOf(claim);
  }

  private static Set<Role> roles(Object claim) {
    var names = new HashSet<String>();
    if (claim instanceof Collection<?> list) {
      list.forEach(v -> names.add(String.valueOf(v)));
    } else if (claim instanceof String text) {
      names.addAll(Arrays.asList(text.split("[\\s,]+")));
    }
    var roles = new HashSet<Role>();
    for (String n : names) {
      try {
        roles.add(Role.parse(n));
      } catch (IllegalArgumentException ignored) {
        // A provider's other roles (offline_access, …) are none of Stepwise's business.
      }
    }
    return roles;
  }
}
