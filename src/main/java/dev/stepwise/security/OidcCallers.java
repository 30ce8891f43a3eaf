package dev.stepwise.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A validated JWT as a {@link Caller}: its name from {@code principal-claim} ({@code sub}), its
 * roles from {@code roles-claim} (a list, or a string of names separated by spaces or commas; names
 * that are no role are ignored), and its prefix from {@code prefix-claim} when one is configured.
 */
final class OidcCallers implements Converter<Jwt, AbstractAuthenticationToken> {
  private final SecurityProperties.Oidc settings;

  OidcCallers(SecurityProperties.Oidc settings) {
    this.settings = settings;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String name = jwt.getClaimAsString(settings.principalClaim());
    if (name == null) name = jwt.getSubject();
    String prefix =
        settings.prefixClaim() == null ? null : jwt.getClaimAsString(settings.prefixClaim());
    return new CallerAuthentication(
        new Caller(name, roles(jwt.getClaim(settings.rolesClaim())), prefix));
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
