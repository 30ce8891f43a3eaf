package dev.stepwise.asl.model;

/**
 * A Task state. {@code timeoutSeconds}/{@code heartbeatSeconds} are null when unset; their {@code
 * …Path} variants are read from the input when the state runs.
 */
public record TaskState(
    String name,
    IoPaths io,
    String resource,
    PayloadTemplate parameters,
    PayloadTemplate resultSelector,
    ResultPath resultPath,
    Integer timeoutSeconds,
    String timeoutSecondsPath,
    Integer heartbeatSeconds,
    String heartbeatSecondsPath,
    ErrorHandling errors,
    Transition transition,
    Dataflow flow)
    implements State {
  @Override
  public String type() {
    return "Task";
  }
}
