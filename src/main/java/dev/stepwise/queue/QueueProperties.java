package dev.stepwise.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node claims work.
 *
 * @param nodeId this replica's name in {@code claimed_by} (default: host name and a random suffix)
 * @param lease how long a claim holds before another node may take the item over
 * @param maxInFlight items this node works on at once
 * @param batchSize items claimed by one statement at most
 * @param pollInterval the longest the claimer sleeps with nothing due (notifications and the next
 *     due time wake it sooner)
 * @param shutdownGrace how long a stopping node lets the work it is running finish before it
 *     abandons the calls still waiting on remote endpoints and hands their items to other nodes
 * @param listen whether the claimer LISTENs for notifications of handed-over work (false: it polls
 *     every {@code pollInterval}) (its direct connection behind PgBouncer: {@code
 *     stepwise.queue.listen-url}, see {@link dev.stepwise.database.DirectConnections})
 * @param claimAhead how long before its due time an item may be claimed: the claimer takes timers
 *     (a Wait, a Retry's backoff) this much early and runs each at its due time, so the claim's own
 *     round trip and the claimer's wake-up do not make them late
 */
@ConfigurationProperties("stepwise.queue")
public record QueueProperties(
    String nodeId,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("256") int maxInFlight,
    @DefaultValue("64") int batchSize,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("15s") Duration shutdownGrace,
    @DefaultValue("true") boolean listen,
    @DefaultValue("50ms") Duration claimAhead) {}
