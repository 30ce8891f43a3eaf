package dev.stepwise.engine;

import java.time.Instant;
import java.util.List;

/** What a step asks the runtime to do once its events are committed. */
public sealed interface Effect {

  /** Send a Task's request; answer with {@link Interpreter#afterTask}. */
  record Dispatch(TaskRequest request) implements Effect {}

  /** Step the token again at {@code dueAt} (a Wait state, a retry backoff, or a yield). */
  record Timer(Instant dueAt) implements Effect {}

  /**
   * Start a fork's children: Parallel branches, inline Map iterations, or the root tokens of a
   * distributed Map's child executions. {@link Fork} decides which start when and how the fork
   * ends; answer with {@link Interpreter#afterChildren} or {@link Interpreter#afterChildFailed}.
   */
  record StartFork(List<Token> children, Fork.Plan plan) implements Effect {}

  /** The token reached the end of its state machine with this output. */
  record Finished(Object output) implements Effect {}

  /** The token failed with an error that nothing caught. */
  record Failed(String error, String cause) implements Effect {}
}
