package dev.stepwise.api;

import java.util.regex.Pattern;

/** Names of state machines and executions: 1–80 letters, digits, '-' and '_'. */
public final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  private Names() {}

  public static String require(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BadRequestException(
          what + " must be 1 to 80 characters of letters, digits, '-' and '_'");
    }
    return name;
  }
}
