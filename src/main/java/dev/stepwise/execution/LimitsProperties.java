package dev.stepwise.execution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits, with AWS's defaults.
 *
 * @param payloadBytes the largest state input or output ({@code States.DataLimitExceeded})
 * @param historyEvents the most history events one execution may write
 * @param statesPerStep how many states one step may run before it yields to other work
 * @param evaluationTimeout how long the user-written computations (JSONata, JSONPath, intrinsic
 *     functions, Choice rules) of one step may run in all before the state fails
 */
@ConfigurationProperties("stepwise.limits")
public record LimitsProperties(
    @DefaultValue("262144") int payloadBytes,
    @DefaultValue("25000") int historyEvents,
    @DefaultValue("1000") int statesPerStep,
    @DefaultValue("5s") Duration evaluationTimeout) {}
