package dev.stepwise.failure;

/**
 * A value the caller sent is larger than a configured limit (a payload over the payload limit);
 * nothing was written.
 *
 * <p>A failure category: a module's exception extends it to say what kind of refusal it is, and the
 * web layer answers every exception of a category alike. Nothing here knows HTTP.
 */
public abstract class OverLimit extends RuntimeException {
  protected OverLimit(String message) {
    super(message);
  }
}
