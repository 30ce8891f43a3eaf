package dev.stepwise.support;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;

/**
 * AWS SDK for Java v2 clients pointed at a running Stepwise, as users configure them: endpoint
 * override, any static credentials (the signature is not checked), and host-prefix injection off so
 * that StartSyncExecution does not go to {@code sync-127.0.0.1}.
 */
public final class Sfn {
  private Sfn() {}

  public static SfnClient client(String endpoint) {
    return builder(endpoint)
        .overrideConfiguration(
            c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  /** Without the host-prefix option: what a default client does. */
  public static SfnClientBuilder builder(String endpoint) {
    return SfnClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(
            UrlConnectionHttpClient.builder()
                // GetActivityTask and StartSyncExecution hold the request open.
                .socketTimeout(Duration.ofSeconds(90))
                .build());
  }

  public static final String ACCOUNT = "123456789012";
  public static final String PREFIX = "arn:aws:states:us-east-1:" + ACCOUNT + ":";
  public static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/test";
}
