package dev.stepwise.task;

import java.util.regex.Pattern;

/** A route's {@code resource}: {@code *} matches any run of characters, the rest is literal. */
final class ResourcePattern {
  private final String text;
  private final Pattern pattern;

  ResourcePattern(String text) {
    this.text = text;
    var regex = new StringBuilder();
    int start = 0;
    for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', start)) {
      regex.append(Pattern.quote(text.substring(start, star))).append(".*");
      start = star + 1;
    }
    regex.append(Pattern.quote(text.substring(start)));
    this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  boolean matches(String resource) {
    return pattern.matcher(resource).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
