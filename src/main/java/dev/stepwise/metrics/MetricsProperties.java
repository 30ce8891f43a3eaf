package dev.stepwise.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many series the meters may make.
 *
 * @param maxStateMachineTags distinct state machines that get a {@code state_machine} tag value of
 *     their own (the first ones seen since the replica started); the others share {@value
 *     BoundedTag#OTHER}, so that thousands of generated state machines cannot swamp Prometheus
 */
@ConfigurationProperties("stepwise.metrics")
record MetricsProperties(@DefaultValue("100") int maxStateMachineTags) {}
