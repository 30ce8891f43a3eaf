package dev.stepwise.failure;

/**
 * The request is valid but the state of what it names does not allow it (an execution not running,
 * a name taken with another input, an answer to a task no longer waiting).
 *
 * <p>A failure category: a module's exception extends it to say what kind of refusal it is, and the
 * web layer answers every exception of a category alike. Nothing here knows HTTP.
 */
public abstract class Conflict extends RuntimeException {
  protected Conflict(String message) {
    super(message);
  }
}
