package dev.stepwise.asl;

/**
 * One problem found in a definition: a stable {@code code}, a sentence for people and the JSON
 * pointer of the offending field.
 */
public record Diagnostic(String code, String message, String location) {}
