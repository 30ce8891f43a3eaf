package dev.stepwise.aws;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AWS wire API's settings.
 *
 * @param region the region in every ARN this service hands out and accepts
 * @param account the account in every ARN this service hands out and accepts
 * @param activityPollWait how long {@code GetActivityTask} waits for a task (AWS: 60 s)
 * @param syncExecutionTimeout how long {@code StartSyncExecution} waits for the end (AWS: 5 min)
 */
@ConfigurationProperties("stepwise.aws")
public record AwsProperties(
    @DefaultValue("us-east-1") String region,
    @DefaultValue("123456789012") String account,
    @DefaultValue("60s") Duration activityPollWait,
    @DefaultValue("5m") Duration syncExecutionTimeout) {}
