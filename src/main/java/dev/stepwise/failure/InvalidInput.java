package dev.stepwise.failure;

/**
 * A value the caller sent cannot be used (a page token this service did not hand out, an invalid
 * definition); nothing was written.
 *
 * <p>A failure category: a module's exception extends it to say what kind of refusal it is, and the
 * web layer answers every exception of a category alike. Nothing here knows HTTP.
 */
public abstract class InvalidInput extends RuntimeException {
  protected InvalidInput(String message) {
    super(message);
  }
}
