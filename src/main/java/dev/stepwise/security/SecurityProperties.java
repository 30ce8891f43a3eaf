package dev.stepwise.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The security settings that hold no secret. Keys and AWS credentials ({@code
 * stepwise.security.api-keys}, {@code stepwise.security.aws-credentials}) are bound apart, by
 * {@link Credentials}, so that no bean keeps a plaintext key.
 *
 * @param mode how callers authenticate on the native API (the AWS wire API takes SigV4 in any mode
 *     but {@code none})
 * @param publicPrometheus whether {@code /actuator/prometheus} may be read without credentials
 *     (scrapers); {@code false} asks for the {@code viewer} role
 * @param oidc where the roles, prefix and name of a JWT caller are read from
 */
@ConfigurationProperties("stepwise.security")
public record SecurityProperties(
    @DefaultValue("none") SecurityMode mode,
    @DefaultValue("true") boolean publicPrometheus,
    @DefaultValue Oidc oidc) {

  /**
   * @param rolesClaim the claim holding the caller's roles (a list or a space- or comma-separated
   *     string)
   * @param prefixClaim the claim holding the caller's state machine name prefix; unset: none
   * @param principalClaim the claim naming the caller in audit lines and executions
   * @param loginIdleTimeout how long a console login lasts without use
   */
  public record Oidc(
      @DefaultValue("roles") String rolesClaim,
      String prefixClaim,
      @DefaultValue("sub") String principalClaim,
      @DefaultValue("30m") Duration loginIdleTimeout) {}
}
