package dev.stepwise.task;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The AWS region and account that ARNs name here, as {@link AwsProperties} sets them ({@code
 * stepwise.aws.region}, {@code stepwise.aws.account}): a Lambda function named without them is
 * taken to live there, and the executions Task states start are named with them. The defaults are
 * the ones AWS's examples use; a blank value is the default too.
 */
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

  /** The configured account, as a bean for the components that name ARNs. */
  @Configuration(proxyBeanMethods = false)
  static class Configured {
    @Bean
    AwsAccount awsAccount(AwsProperties properties) {
      return properties.awsAccount();
    }
  }
}
