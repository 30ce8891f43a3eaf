package dev.stepwise.task;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The AWS region and account that ARNs name here ({@code stepwise.aws.region}, {@code
 * stepwise.aws.account}): a Lambda function named without them is taken to live there, and the
 * executions Task states start are named with them. The defaults are the ones AWS's examples use.
 */
@ConfigurationProperties("stepwise.aws")
public record AwsAccount(String region, String account) {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT = "123456789012";

  public AwsAccount {
    region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    account = account == null || account.isBlank() ? DEFAULT_ACCOUNT : account;
  }

  /** The defaults. */
  public static AwsAccount defaults() {
    return new AwsAccount(null, null);
  }
}
