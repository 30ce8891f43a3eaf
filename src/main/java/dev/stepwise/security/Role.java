package dev.stepwise.security;

import java.util.Locale;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;

/**
 * What a caller may do. A higher role includes a lower one only as the hierarchy says: {@code
 * admin} includes every role, {@code operator} and {@code author} each include {@code viewer}, and
 * neither includes the other (whoever defines workflows need not run them, and the reverse).
 */
public enum Role {
  /** Reads state machines, executions and their history. */
  VIEWER,
  /** Starts, stops and redrives executions, answers task tokens, polls activities. */
  OPERATOR,
  /** Creates, updates and deletes state machines, versions, aliases and activities; TestState. */
  AUTHOR,
  /** Everything. */
  ADMIN;

  /** The Spring Security authority: {@code ROLE_viewer}, … */
  public String authority() {
    return "ROLE_" + configName();
  }

  /** The name in configuration and tokens: {@code viewer}, … */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A role from configuration or a token's claim, in any case. */
  static Role parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown role '" + name + "' (roles: viewer, operator, author, admin)");
    }
  }

  static RoleHierarchy hierarchy() {
    return RoleHierarchyImpl.withDefaultRolePrefix()
        .role(ADMIN.configName())
        .implies(OPERATOR.configName(), AUTHOR.configName(), VIEWER.configName())
        .role(OPERATOR.configName())
        .implies(VIEWER.configName())
        .role(AUTHOR.configName())
        .implies(VIEWER.configName())
        .build();
  }
}
