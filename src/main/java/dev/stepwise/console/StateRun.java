package dev.stepwise.console;

import java.time.Instant;

/**
 * One entry into a state, as the history tells it: when it was entered and left, its input and
 * output, its error, how many attempts its Task made, and its status (one of {@link #STATUSES}).
 */
final class StateRun {
  static final java.util.List<String> STATUSES =
      java.util.List.of(
          "running", "waiting", "retrying", "succeeded", "caught", "failed", "cancelled");

  final String state;
  final String type;
  final int ordinal;
  final int generation;
  final Instant enteredAt;
  final Object input;
  Instant exitedAt;
  Object output;
  String error;
  String cause;
  String resource;
  int attempts;
  String status = "running";
  boolean open = true;
  boolean failed;
  boolean forked;
  Integer length;

  StateRun(
      String state, String type, int ordinal, int generation, Instant enteredAt, Object input) {
    this.state = state;
    this.type = type;
    this.ordinal = ordinal;
    this.generation = generation;
    this.enteredAt = enteredAt;
    this.input = input;
  }

  void close(String status, Instant at) {
    this.status = status;
    this.open = false;
    if (exitedAt == null) exitedAt = at;
  }

  void fail(Object error, Object cause) {
    this.error = error == null ? null : String.valueOf(error);
    this.cause = cause == null ? null : String.valueOf(cause);
    this.failed = true;
    this.status = "retrying";
  }

  /** How bad a status is, for the one a state shows when it ran more than once. */
  static int severity(String status) {
    return switch (status) {
      case "waiting" -> 7;
      case "retrying" -> 6;
      case "running" -> 5;
      case "failed" -> 4;
      case "cancelled" -> 3;
      case "caught" -> 2;
      case "succeeded" -> 1;
      default -> 0;
    };
  }
}
