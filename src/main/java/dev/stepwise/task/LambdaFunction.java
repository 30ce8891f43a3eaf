package dev.stepwise.task;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Lambda function as a {@code lambda:invoke} Task names it in {@code FunctionName}: its name
 * ({@code Foo}), a partial ARN ({@code 123456789012:function:Foo}) or a full ARN, each optionally
 * with a version or alias ({@code Foo:prod}); routes match the full ARN, which names the configured
 * region and account when the name leaves them out.
 *
 * @param arn the function's full ARN, with its qualifier if it has one
 * @param qualifier the version or alias, or null
 */
public record LambdaFunction(String arn, String qualifier) {
  private static final String NAME = "[A-Za-z0-9_-]{1,140}";
  private static final String QUALIFIER = "(?::([A-Za-z0-9_$-]{1,128}))?";
  private static final Pattern FULL =
      Pattern.compile(
          "arn:[a-z-]+:lambda:([a-z0-9-]+):(\\d{12}):function:(" + NAME + ")" + QUALIFIER);
  private static final Pattern PARTIAL =
      Pattern.compile("(\\d{12}):function:(" + NAME + ")" + QUALIFIER);
  private static final Pattern BARE = Pattern.compile("(" + NAME + ")" + QUALIFIER);

  /**
   * The function {@code functionName} names, with {@code qualifier} (AWS's {@code Qualifier}
   * parameter, or null) when the name has none; empty when it is no function name.
   */
  public static Optional<LambdaFunction> parse(
      String functionName, String qualifier, AwsAccount account) {
    if (functionName == null) return Optional.empty();
    var full = FULL.matcher(functionName);
    if (full.matches()) {
      return of(functionName.substring(0, full.end(3)), full.group(4), qualifier);
    }
    var partial = PARTIAL.matcher(functionName);
    if (partial.matches()) {
      String prefix =
          "arn:aws:lambda:"
              + account.region()
              + ":"
              + partial.group(1)
              + ":function:"
              + partial.group(2);
      return of(prefix, partial.group(3), qualifier);
    }
    var bare = BARE.matcher(functionName);
    if (bare.matches()) {
      String prefix =
          "arn:aws:lambda:"
              + account.region()
              + ":"
              + account.account()
              + ":function:"
              + bare.group(1);
      return of(prefix, bare.group(2), qualifier);
    }
    return Optional.empty();
  }

  private static Optional<LambdaFunction> of(String unqualified, String own, String given) {
    // As AWS: a Qualifier parameter that contradicts the name's own names no function.
    if (own != null && given != null && !own.equals(given)) return Optional.empty();
    String qualifier = own != null ? own : given;
    return Optional.of(
        new LambdaFunction(
            qualifier == null ? unqualified : unqualified + ":" + qualifier, qualifier));
  }

  /** The function's ARN without its qualifier. */
  public String unqualifiedArn() {
    return qualifier == null ? arn : arn.substring(0, arn.length() - qualifier.length() - 1);
  }

  /**
   * AWS's {@code ExecutedVersion}: a version qualifier names itself, anything else runs $LATEST.
   */
  String executedVersion() {
    return qualifier != null && qualifier.chars().allMatch(Character::isDigit)
        ? qualifier
        : "$LATEST";
  }
}
