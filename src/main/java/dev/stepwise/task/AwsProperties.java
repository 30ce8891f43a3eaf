package dev.stepwise.task;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every {@code stepwise.aws.*} setting, in one place: the AWS wire API, the Lambda functions Task
 * states call and the executions they start all name ARNs in the same region and account.
 *
 * @param region the region in every ARN this service hands out and accepts (blank: the default)
 * @param account the account in every ARN this service hands out and accepts (blank: the default)
 * @param activityPollWait how long {@code GetActivityTask} waits for a task (AWS: 60 s)
 * @param syncExecutionTimeout how long {@code StartSyncExecution} waits for the end (AWS: 5 min)
 */
@ConfigurationProperties("stepwise.aws")
public record AwsProperties(
    String region, String account, Duration activityPollWait, Duration syncExecutionTimeout) {

  public AwsProperties {
    var named = new AwsAccount(region, account);
    region = named.region();
    account = named.account();
    if (activityPollWait == null) activityPollWait = Duration.ofSeconds(60);
    if (syncExecutionTimeout == null) syncExecutionTimeout = Duration.ofMinutes(5);
  }

  /** The region and account, for what names ARNs and needs nothing else. */
  public AwsAccount awsAccount() {
    return new AwsAccount(region, account);
  }
}
