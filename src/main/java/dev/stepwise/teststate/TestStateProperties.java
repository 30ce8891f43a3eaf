package dev.stepwise.teststate;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * TestState's settings, under {@code stepwise.test-state}.
 *
 * @param callTimeout the longest a tested Task's HTTP call may take; a smaller {@code
 *     TimeoutSeconds} of the state (or a route's timeout) shortens it
 * @param allowRevealSecrets whether a request may ask ({@code revealSecrets}) to see the headers
 *     task routes add, which usually hold credentials; off by default, since the REST API has no
 *     authentication of its own
 */
@ConfigurationProperties("stepwise.test-state")
public record TestStateProperties(
    @DefaultValue("60s") Duration callTimeout, @DefaultValue("false") boolean allowRevealSecrets) {}
