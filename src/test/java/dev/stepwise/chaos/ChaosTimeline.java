package dev.stepwise.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What happened during the chaos test, each line with its seconds from the start of the load: the
 * report's timeline, also printed as it happens.
 */
final class ChaosTimeline {
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  // Set by the test's thread, read by the chaos and load threads.
  private volatile Instant loadStart = Instant.now();

  /** The load starts now: later lines count their seconds from here. */
  void startLoad() {
    loadStart = Instant.now();
  }

  Duration sinceLoadStart() {
    return Duration.between(loadStart, Instant.now());
  }

  void note(String format, Object... args) {
    String line =
        "%6.1f %s".formatted(sinceLoadStart().toMillis() / 1000.0, format.formatted(args));
    lines.add(line);
    System.out.println("chaos: " + line);
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }
}
