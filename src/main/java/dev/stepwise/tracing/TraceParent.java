package dev.stepwise.tracing;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C {@code traceparent} value (Trace Context, level 1): the trace id, the id of the span the
 * next span descends from, and the trace flags (bit 0: sampled). Always written as version {@code
 * 00}; a later version is read as the specification asks, by its first four fields.
 */
public record TraceParent(String traceId, String parentId, String flags) {
  private static final String VERSION = "00";
  private static final HexFormat HEX = HexFormat.of();

  /** The header's value, {@code 00-<trace id>-<parent id>-<flags>}. */
  public String header() {
    return VERSION + "-" + traceId + "-" + parentId + "-" + flags;
  }

  public boolean sampled() {
    return (HexFormat.fromHexDigits(flags) & 1) == 1;
  }

  /** The same trace, continued by the span {@code spanId}. */
  public TraceParent child(String spanId) {
    return new TraceParent(traceId, spanId, flags);
  }

  /** The same trace with a new span id: what a call sent without a span of its own carries. */
  public TraceParent withNewSpanId() {
    return child(newSpanId());
  }

  /** A new trace (random ids, as a trace's root makes them), sampled or not. */
  public static TraceParent newTrace(boolean sampled) {
    var random = ThreadLocalRandom.current();
    String traceId = HEX.toHexDigits(random.nextLong() | 1) + HEX.toHexDigits(random.nextLong());
    return new TraceParent(traceId, newSpanId(), sampled ? "01" : "00");
  }

  static String newSpanId() {
    // Never all zeros, which the specification reserves for "no span".
    return HEX.toHexDigits(ThreadLocalRandom.current().nextLong() | 1);
  }

  /**
   * Reads a header's value; empty when it is absent or malformed (the specification has a receiver
   * ignore such a value and start a new trace).
   */
  public static Optional<TraceParent> parse(String value) {
    if (value == null) return Optional.empty();
    String text = value.strip();
    if (text.length() < 55 || text.charAt(2) != '-' || text.charAt(35) != '-') {
      return Optional.empty();
    }
    if (text.charAt(52) != '-') return Optional.empty();
    String version = text.substring(0, 2);
    // Version 00 is exactly 55 characters; a later one may add fields after a dash.
    if (version.equals(VERSION)
        ? text.length() != 55
        : text.length() > 55 && text.charAt(55) != '-') {
      return Optional.empty();
    }
    String traceId = text.substring(3, 35);
    String parentId = text.substring(36, 52);
    String flags = text.substring(53, 55);
    if (!lowerHex(version) || version.equals("ff") || !lowerHex(flags)) return Optional.empty();
    if (!lowerHex(traceId) || !lowerHex(parentId) || zeros(traceId) || zeros(parentId)) {
      return Optional.empty();
    }
    return Optional.of(new TraceParent(traceId, parentId, flags));
  }

  private static boolean lowerHex(String text) {
    return text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  private static boolean zeros(String text) {
    return text.chars().allMatch(c -> c == '0');
  }
}
