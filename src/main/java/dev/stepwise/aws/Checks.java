package dev.stepwise.aws;

import java.util.Set;
import java.util.regex.Pattern;

/** The constraints of AWS's request shapes, answered with AWS's {@code ValidationException}. */
final class Checks {
  // Stepwise names (of state machines, executions, activities): as the native API takes them.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final int DEFAULT_PAGE = 100;

  private Checks() {}

  static <T> T required(String field, T value) {
    if (value == null) throw AwsError.constraint(field, null, "Member must not be null");
    return value;
  }

  static String length(String field, String value, int min, int max) {
    if (value == null) return null;
    if (value.length() < min) {
      throw AwsError.constraint(
          field, value, "Member must have length greater than or equal to " + min);
    }
    if (value.length() > max) {
      throw AwsError.constraint(
          field, abbreviated(value), "Member must have length less than or equal to " + max);
    }
    return value;
  }

  static String oneOf(String field, String value, Set<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw AwsError.constraint(
          field, value, "Member must satisfy enum value set: " + String.join(", ", allowed));
    }
    return value;
  }

  /** A resource name: 1–80 letters, digits, '-' and '_' (stricter than AWS, as the native API). */
  static String name(String field, String value) {
    required(field, value);
    if (!NAME.matcher(value).matches()) {
      throw new AwsError(
          AwsError.INVALID_NAME,
          "Invalid Name: '"
              + abbreviated(value)
              + "' (names are 1 to 80 letters, digits, '-' and '_')");
    }
    return value;
  }

  /** AWS's maxResults: 0 or absent is the default page of 100, at most {@code max}. */
  static int pageSize(Integer maxResults, int max) {
    if (maxResults == null || maxResults == 0) return Math.min(DEFAULT_PAGE, max);
    if (maxResults < 0 || maxResults > max) {
      throw AwsError.constraint(
          "maxResults", maxResults, "Member must have value between 0 and " + max);
    }
    return maxResults;
  }

  private static String abbreviated(String value) {
    return value.length() > 100 ? value.substring(0, 100) + "…" : value;
  }
}
