package dev.stepwise.asl.model;

import java.util.List;

/** One entry of a state's {@code Catch} field. */
public record Catcher(List<String> errorEquals, String next, ResultPath resultPath) {}
