package dev.stepwise.failure;

/**
 * What the request names does not exist (an execution, an activity, a task token).
 *
 * <p>A failure category: a module's exception extends it to say what kind of refusal it is, and the
 * web layer answers every exception of a category alike. Nothing here knows HTTP.
 */
public abstract class NotFound extends RuntimeException {
  protected NotFound(String message) {
    super(message);
  }
}
