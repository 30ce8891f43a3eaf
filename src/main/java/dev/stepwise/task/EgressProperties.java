package dev.stepwise.task;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the HTTP calls written in definitions may go ({@code stepwise.tasks.egress}); see {@link
 * EgressPolicy} for the order in which the rules apply. Operator-configured routes are not subject
 * to it.
 *
 * @param allowPrivate whether loopback and private addresses (10/8, 172.16/12, 192.168/16, 127/8,
 *     fc00::/7, ::1) may be called; true unless set (a laptop calls its own services), false in the
 *     Helm chart's values
 * @param allow CIDR ranges ({@code 10.20.0.0/16}, a single address) or host name patterns ({@code
 *     *.payments.internal}) that may be called even if private
 * @param deny CIDR ranges or host name patterns that may never be called
 */
@ConfigurationProperties("stepwise.tasks.egress")
public record EgressProperties(Boolean allowPrivate, List<String> allow, List<String> deny) {
  public EgressProperties {
    allowPrivate = allowPrivate == null || allowPrivate;
    allow = allow == null ? List.of() : List.copyOf(allow);
    deny = deny == null ? List.of() : List.copyOf(deny);
  }

  /** The laptop default: private addresses allowed, no lists. */
  public static EgressProperties defaults() {
    return new EgressProperties(null, null, null);
  }
}
