package dev.stepwise.asl.model;

import dev.stepwise.asl.jsonata.Template;
import java.util.List;

/**
 * One entry of a state's {@code Catch} field; {@code assign} and {@code output} are null when
 * absent ({@code Output} only in JSONata states).
 */
public record Catcher(
    List<String> errorEquals,
    String next,
    ResultPath resultPath,
    Template assign,
    Template output) {}
