package dev.stepwise.asl.intrinsic;

/** One {@code States.*} function: its name, how many arguments it takes, and what it does. */
record IntrinsicFunction(String name, int minArguments, int maxArguments, Body body) {
  static final int UNBOUNDED = Integer.MAX_VALUE;

  @FunctionalInterface
  interface Body {
    Object apply(Arguments arguments);
  }

  static IntrinsicFunction of(String name, int arguments, Body body) {
    return new IntrinsicFunction(name, arguments, arguments, body);
  }

  boolean accepts(int count) {
    return count >= minArguments && count <= maxArguments;
  }

  /** E.g. "exactly 2 arguments", for messages about a wrong argument count. */
  String expectedArguments() {
    if (maxArguments == UNBOUNDED) return "at least " + plural(minArguments);
    if (minArguments == maxArguments) {
      return minArguments == 0 ? "no arguments" : "exactly " + plural(minArguments);
    }
    return minArguments + " to " + plural(maxArguments);
  }

  private static String plural(int count) {
    return count == 1 ? "1 argument" : count + " arguments";
  }
}
