package dev.stepwise.security;

import java.io.Serializable;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: a name to record (a key's name, an access key id, a token's subject), the roles,
 * and, when set, the prefix every state machine name this caller touches must start with.
 */
public record Caller(String name, Set<Role> roles, String prefix) implements Serializable {
  /** Whoever calls when no authentication is configured, or before it is known. */
  public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(Role.ADMIN), null);

  public Caller {
    roles = Set.copyOf(roles);
    if (prefix != null && prefix.isEmpty()) prefix = null;
  }

  /** The caller of the request this thread serves; {@link #ANONYMOUS} outside of one. */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof CallerAuthentication known) return known.caller();
    // Signed in to the console: the caller was read from the provider's tokens at login.
    if (authentication != null && authentication.getPrincipal() instanceof ConsoleUser user) {
      return user.caller();
    }
    return ANONYMOUS;
  }

  /** Whether this caller may touch the state machine (an unqualified name). */
  public boolean permits(String stateMachine) {
    return prefix == null || (stateMachine != null && stateMachine.startsWith(prefix));
  }

  /** Refuses a state machine outside this caller's prefix. */
  public void require(String stateMachine) {
    if (!permits(stateMachine)) {
      throw new AccessDeniedException(
          "'"
              + name
              + "' may only use state machines whose names start with '"
              + prefix
              + "'; '"
              + stateMachine
              + "' does not");
    }
  }
}
