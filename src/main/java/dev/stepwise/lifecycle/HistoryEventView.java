package dev.stepwise.lifecycle;

import java.time.Instant;
import java.util.Map;

/** A history event as the API shows it. */
public record HistoryEventView(
    long id, long previousEventId, Instant timestamp, String type, Map<String, Object> details) {}
