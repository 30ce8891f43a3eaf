package dev.stepwise.asl.model;

/**
 * A {@code Parameters}, {@code ResultSelector} or {@code ItemSelector} value: JSON in which keys
 * ending in {@code .$} hold paths or intrinsic functions, evaluated against the state's input.
 */
public record PayloadTemplate(Object template) {}
