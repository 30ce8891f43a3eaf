package dev.stepwise.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When this node refuses new starts and redrives instead of queueing them without end.
 *
 * @param maxConcurrentStarts starts (and redrives) processed at once; each holds a database
 *     connection for its transaction, so keep it below the connection pool (0: no bound)
 * @param maxWait how long a start waits for its turn before it is refused
 * @param maxBacklog due work items not yet running above which starts are refused (0: no limit)
 * @param maxLag how long the oldest due work item may wait before starts are refused (0: no limit)
 * @param retryAfter what a refusal asks the client to wait before trying again
 */
@ConfigurationProperties("stepwise.admission")
public record AdmissionProperties(
    @DefaultValue("8") int maxConcurrentStarts,
    @DefaultValue("500ms") Duration maxWait,
    @DefaultValue("10000") long maxBacklog,
    @DefaultValue("10s") Duration maxLag,
    @DefaultValue("1s") Duration retryAfter) {}
