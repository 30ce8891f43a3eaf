package dev.stepwise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * SigV4 verification against AWS's own published example and against requests the AWS SDK for Java
 * v2 signs, then against every way a request can be wrong.
 */
class SigV4Tests {
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

  /** AWS's worked example (IAM ListUsers, 2015-08-30), from the SigV4 documentation. */
  @Test
  void computesTheSignatureOfAwssWorkedExample() throws Exception {
    var headers =
        Map.of(
            "content-type", List.of("application/x-www-form-urlencoded; charset=utf-8"),
            "host", List.of("iam.amazonaws.com"),
            "x-amz-date", List.of("20150830T123600Z"));
    var request =
        new SigV4.SignedRequest(
            "GET",
            "/",
            "Action=ListUsers&Version=2010-05-08",
            name -> headers.getOrDefault(name, List.of()),
            new byte[0]);
    var auth =
        SigV4.Authorization.parse(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,"
                + " SignedHeaders=content-type;host;x-amz-date,"
                + " Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    assertThat(SigV4.signature(auth, request, SECRET))
        .isEqualTo("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    SigV4.verify(auth, request, SECRET);
  }

  @Test
  void acceptsWhatTheAwsSdkSigns() throws Exception {
    var signed = sdkSigned("{\"maxResults\":10}", "us-east-1", "states", Instant.now());
    var auth = SigV4.Authorization.parse(signed.header("authorization"));
    assertThat(auth.accessKeyId()).isEqualTo("AKIDEXAMPLE");
    assertThat(auth.signedHeaders()).contains("host", "x-amz-date", "x-amz-target");
    SigV4.checkScope(auth, signed.request(), "us-east-1", Instant.now());
    SigV4.verify(auth, signed.request(), SECRET);
  }

  @Test
  void refusesAnotherSecretABodyChangedAfterSigningAndAnotherSignedHeader() throws Exception {
    var signed = sdkSigned("{\"maxResults\":10}", "us-east-1", "states", Instant.now());
    var auth = SigV4.Authorization.parse(signed.header("authorization"));
    assertRefused(
        () -> SigV4.verify(auth, signed.request(), SECRET + "x"), SigV4.INVALID_SIGNATURE);

    var tampered = signed.withBody("{\"maxResults\":11}");
    assertRefused(() -> SigV4.verify(auth, tampered, SECRET), SigV4.INVALID_SIGNATURE);

    var otherTarget = signed.withHeader("x-amz-target", "AWSStepFunctions.DeleteStateMachine");
    assertRefused(() -> SigV4.verify(auth, otherTarget, SECRET), SigV4.INVALID_SIGNATURE);
  }

  @Test
  void refusesOldRequestsOtherRegionsAndOtherServices() throws Exception {
    Instant signedAt = Instant.parse("2026-01-10T10:00:00Z");
    var signed = sdkSigned("{}", "us-east-1", "states", signedAt);
    var auth = SigV4.Authorization.parse(signed.header("authorization"));
    SigV4.checkScope(auth, signed.request(), "us-east-1", signedAt.plusSeconds(299));
    assertRefused(
        () -> SigV4.checkScope(auth, signed.request(), "us-east-1", signedAt.plusSeconds(301)),
        SigV4.INVALID_SIGNATURE);
    assertRefused(
        () -> SigV4.checkScope(auth, signed.request(), "us-east-1", signedAt.minusSeconds(301)),
        SigV4.INVALID_SIGNATURE);
    assertRefused(
        () -> SigV4.checkScope(auth, signed.request(), "eu-west-1", signedAt),
        SigV4.INVALID_SIGNATURE);

    var lambda = sdkSigned("{}", "us-east-1", "lambda", signedAt);
    var lambdaAuth = SigV4.Authorization.parse(lambda.header("authorization"));
    assertRefused(
        () -> SigV4.checkScope(lambdaAuth, lambda.request(), "us-east-1", signedAt),
        SigV4.INVALID_SIGNATURE);
  }

  @Test
  void refusesMissingAndMalformedAuthorization() {
    assertRefused(() -> SigV4.Authorization.parse(null), SigV4.UNRECOGNIZED);
    assertRefused(() -> SigV4.Authorization.parse("Bearer abc"), SigV4.INCOMPLETE);
    assertRefused(
        () -> SigV4.Authorization.parse("AWS4-HMAC-SHA256 Credential=a/b/c, Signature=x"),
        SigV4.INCOMPLETE);
    assertRefused(
        () ->
            SigV4.Authorization.parse(
                "AWS4-HMAC-SHA256 Credential=a/20260101/us-east-1/states/other,"
                    + " SignedHeaders=host, Signature=00"),
        SigV4.INCOMPLETE);
  }

  @Test
  void encodesQueriesAndPathsAsAwsDoes() {
    assertThat(SigV4.canonicalQuery("b=2&a=1&a=0&c=x%20y")).isEqualTo("a=0&a=1&b=2&c=x%20y");
    assertThat(SigV4.canonicalPath("/a b/%2F")).isEqualTo("/a%20b/%252F");
    assertThat(SigV4.canonicalPath("")).isEqualTo("/");
  }

  private static void assertRefused(ThrowingRunnable call, String code) {
    assertThatThrownBy(call::run)
        .isInstanceOf(SigV4.Refused.class)
        .satisfies(e -> assertThat(((SigV4.Refused) e).code).isEqualTo(code));
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** A request as the SDK's SigV4 signer signs it, with headers seen case-insensitively. */
  record Signed(Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.get(name).getFirst();
    }

    SigV4.SignedRequest request() {
      return new SigV4.SignedRequest(
          "POST", "/", null, name -> headers.getOrDefault(name, List.of()), body);
    }

    SigV4.SignedRequest withBody(String text) {
      return new Signed(headers, text.getBytes(StandardCharsets.UTF_8)).request();
    }

    SigV4.SignedRequest withHeader(String name, String value) {
      var changed = new TreeMap<>(headers);
      changed.put(name, List.of(value));
      return new Signed(changed, body).request();
    }
  }

  static Signed sdkSigned(String body, String region, String service, Instant at) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create("http://127.0.0.1:8080/"))
            .putHeader("Content-Type", "application/x-amz-json-1.0")
            .putHeader("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
            .putHeader("Content-Length", Integer.toString(bytes.length))
            .build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(AwsBasicCredentials.create("AKIDEXAMPLE", SECRET))
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(
                            AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
    var headers = new TreeMap<String, List<String>>();
    signed.request().headers().forEach((k, v) -> headers.put(k.toLowerCase(), v));
    headers.put("host", List.of("127.0.0.1:8080"));
    return new Signed(headers, bytes);
  }
}
