package dev.stepwise.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long closed executions are kept, and how the job that removes them runs.
 *
 * @param period how long an execution is kept after it closed (AWS keeps closed executions 90
 *     days); a state machine may set its own ({@code PUT /v1/state-machines/{name}/retention})
 * @param interval how often the job runs (on one replica at a time)
 * @param enabled whether this replica runs the job at all
 * @param daysAhead history partitions (one per UTC day) created ahead of today
 * @param batchSize executions deleted (or moved) per transaction, so no lock is held long
 * @param lockTimeout the longest a partition drop or attach waits for its lock on the history table
 *     before it gives up until the next run
 */
@ConfigurationProperties("stepwise.retention")
public record RetentionProperties(
    @DefaultValue("90d") Duration period,
    @DefaultValue("1m") Duration interval,
    @DefaultValue("true") boolean enabled,
    @DefaultValue("7") int daysAhead,
    @DefaultValue("2000") int batchSize,
    @DefaultValue("200ms") Duration lockTimeout,
    @DefaultValue("0.2") double workShare) {}
