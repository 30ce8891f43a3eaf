package dev.stepwise.engine;

import java.util.Map;

/** A history event as the interpreter produces it; the runtime numbers and stores it. */
public record Event(String type, Map<String, Object> details) {}
