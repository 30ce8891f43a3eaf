package dev.stepwise.statemachine;

/**
 * A state machine's name, optionally qualified as AWS qualifies it in ARNs: {@code name:3} names
 * version 3, {@code name:prod} the alias {@code prod}. State machine names hold no ':', and alias
 * names are never all digits, so the qualifier alone says which it is.
 */
public record QualifiedName(String stateMachine, String qualifier) {

  /** Splits {@code name[:qualifier]} at its first ':'; without one the qualifier is null. */
  public static QualifiedName parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) return new QualifiedName(text, null);
    return new QualifiedName(text.substring(0, colon), text.substring(colon + 1));
  }

  public boolean qualified() {
    return qualifier != null;
  }

  /** Whether the qualifier names a version (it is all digits) rather than an alias. */
  public boolean namesVersion() {
    return qualifier != null && isVersionNumber(qualifier);
  }

  static boolean isVersionNumber(String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  @Override
  public String toString() {
    return qualifier == null ? stateMachine : stateMachine + ":" + qualifier;
  }
}
