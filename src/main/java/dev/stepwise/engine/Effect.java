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
   * Start child tokens (Parallel branches or Map iterations), at most {@code maxConcurrency} at
   * once (0: all); answer with {@link Interpreter#afterChildren} or {@link
   * Interpreter#afterChildFailed}.
   */
  record Fork(List<Token> children, int maxConcurrency) implements Effect {}

  /**
   * Start a distributed Map's run: each child token is the root of a child execution, at most
   * {@code maxConcurrency} running at once (0: all); answer like a {@link Fork}, failing the Map
   * with {@link MapRun#EXCEEDED} when its failures pass the run's tolerance.
   */
  record StartMapRun(List<Token> children, int maxConcurrency, MapRun run) implements Effect {}

  /** The token reached the end of its state machine with this output. */
  record Finished(Object output) implements Effect {}

  /** The token failed with an error that nothing caught. */
  record Failed(String error, String cause) implements Effect {}
}
