package dev.stepwise.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, checked the way AWS checks it: the canonical request rebuilt from what
 * the client sent (method, path, query, the headers it signed, the body's SHA-256), the string to
 * sign, and the HMAC chain from the secret through date, region and service. Pure: no servlet, no
 * clock of its own. Written here rather than taken from the AWS SDK, whose signer would bring the
 * SDK's core into the service for one HMAC chain.
 */
final class SigV4 {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String SERVICE = "states";
  static final Duration MAX_SKEW = Duration.ofMinutes(5);
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

  private SigV4() {}

  /** Why a request is refused, with AWS's error name for it. */
  static final class Refused extends Exception {
    final String code;

    Refused(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  static final String UNRECOGNIZED = "UnrecognizedClientException";
  static final String INVALID_SIGNATURE = "InvalidSignatureException";
  static final String INCOMPLETE = "IncompleteSignatureException";

  /** The parts of the {@code Authorization} header. */
  record Authorization(
      String accessKeyId,
      String date,
      String region,
      String service,
      List<String> signedHeaders,
      String signature) {

    static Authorization parse(String header) throws Refused {
      if (header == null || header.isBlank()) {
        throw new Refused(UNRECOGNIZED, "Missing Authentication Token");
      }
      if (!header.startsWith(ALGORITHM + " ")) {
        throw new Refused(
            INCOMPLETE, "Authorization header requires the " + ALGORITHM + " algorithm");
      }
      String credential = null;
      String signedHeaders = null;
      String signature = null;
      for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
        String p = part.trim();
        int eq = p.indexOf('=');
        if (eq < 0) continue;
        String value = p.substring(eq + 1).trim();
        switch (p.substring(0, eq).trim()) {
          case "Credential" -> credential = value;
          case "SignedHeaders" -> signedHeaders = value;
          case "Signature" -> signature = value;
          default -> {}
        }
      }
      if (credential == null || signedHeaders == null || signature == null) {
        throw new Refused(
            INCOMPLETE,
            "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'");
      }
      String[] scope = credential.split("/");
      if (scope.length != 5 || !"aws4_request".equals(scope[4]) || scope[0].isEmpty()) {
        throw new Refused(
            INCOMPLETE,
            "Credential must have the form <access key id>/<date>/<region>/<service>/aws4_request");
      }
      return new Authorization(
          scope[0],
          scope[1],
          scope[2],
          scope[3],
          List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";")),
          signature.toLowerCase(Locale.ROOT));
    }
  }

  /** The request as the client sent it; {@code headers} answers all values of a header. */
  record SignedRequest(
      String method,
      String rawPath,
      String rawQuery,
      java.util.function.Function<String, List<String>> headers,
      byte[] body) {}

  /**
   * Checks everything but the key: the scope (date, region, service) and the request's age. The
   * access key is looked up between this and {@link #verify}.
   */
  static void checkScope(Authorization auth, SignedRequest request, String region, Instant now)
      throws Refused {
    String amzDate = first(request, "x-amz-date");
    if (amzDate == null) {
      throw new Refused(INCOMPLETE, "Authorization requires an 'X-Amz-Date' header");
    }
    if (!auth.signedHeaders().contains("host") || !auth.signedHeaders().contains("x-amz-date")) {
      throw new Refused(INVALID_SIGNATURE, "The signed headers must include host and x-amz-date");
    }
    Instant signedAt;
    try {
      signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new Refused(INCOMPLETE, "'X-Amz-Date' must be of the form yyyyMMdd'T'HHmmss'Z'");
    }
    if (!amzDate.startsWith(auth.date())) {
      throw new Refused(
          INVALID_SIGNATURE,
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from"
              + " HTTP: '"
              + auth.date()
              + "' != '"
              + amzDate.substring(0, 8)
              + "'");
    }
    if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
      throw new Refused(
          INVALID_SIGNATURE,
          "Signature expired: "
              + amzDate
              + " is not within 5 minutes of the service's time "
              + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)));
    }
    if (!SERVICE.equals(auth.service())) {
      throw new Refused(
          INVALID_SIGNATURE, "Credential should be scoped to correct service: '" + SERVICE + "'");
    }
    if (!region.equals(auth.region())) {
      throw new Refused(
          INVALID_SIGNATURE, "Credential should be scoped to a valid region: '" + region + "'");
    }
  }

  /** Refuses the request unless its signature is the one {@code secret} makes. */
  static void verify(Authorization auth, SignedRequest request, String secret) throws Refused {
    String expected = signature(auth, request, secret);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        auth.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw new Refused(
          INVALID_SIGNATURE,
          "The request signature we calculated does not match the signature you provided. Check"
              + " your AWS Secret Access Key and signing method. Consult the service documentation"
              + " for details.");
    }
  }

  static String signature(Authorization auth, SignedRequest request, String secret) {
    String scope = auth.date() + "/" + auth.region() + "/" + auth.service() + "/aws4_request";
    String stringToSign =
        ALGORITHM
            + "\n"
            + first(request, "x-amz-date")
            + "\n"
            + scope
            + "\n"
            + hex(sha256(canonicalRequest(auth, request).getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
    key = hmac(key, auth.region());
    key = hmac(key, auth.service());
    key = hmac(key, "aws4_request");
    return hex(hmac(key, stringToSign));
  }

  static String canonicalRequest(Authorization auth, SignedRequest request) {
    var headers = new StringBuilder();
    for (String name : auth.signedHeaders()) {
      List<String> values = request.headers().apply(name);
      headers
          .append(name)
          .append(':')
          .append(
              String.join(",", values.stream().map(v -> v.trim().replaceAll(" +", " ")).toList()))
          .append('\n');
    }
    return request.method()
        + "\n"
        + canonicalPath(request.rawPath())
        + "\n"
        + canonicalQuery(request.rawQuery())
        + "\n"
        + headers
        + "\n"
        + String.join(";", auth.signedHeaders())
        + "\n"
        + hex(sha256(request.body()));
  }

  /** AWS's services other than S3 encode the (already encoded) path once more. */
  static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) return "/";
    return encode(rawPath, false);
  }

  static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) return "";
    var pairs = new ArrayList<String[]>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      pairs.add(
          new String[] {
            encode(decode(name), true), encode(decode(value), true),
          });
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    return String.join("&", pairs.stream().map(p -> p[0] + "=" + p[1]).toList());
  }

  /** RFC 3986 encoding as SigV4 wants it: unreserved characters stay, the rest is %XX. */
  static String encode(String text, boolean encodeSlash) {
    var out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~'
          || (c == '/' && !encodeSlash)) {
        out.append(c);
      } else {
        out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
      }
    }
    return out.toString();
  }

  private static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static String first(SignedRequest request, String header) {
    List<String> values = request.headers().apply(header);
    return values.isEmpty() ? null : values.getFirst();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
