package dev.stepwise.security;

/** How callers prove who they are ({@code stepwise.security.mode}). */
public enum SecurityMode {
  /** No authentication: every call is anonymous and may do everything (the laptop default). */
  NONE,
  /** {@code Authorization: Bearer <key>} with keys configured (stored hashed). */
  API_KEY,
  /** {@code Authorization: Bearer <JWT>} from an OpenID Connect provider. */
  OIDC
}
