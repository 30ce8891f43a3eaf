package dev.stepwise.failure;

/**
 * What the request names is busy right now and the request gave up waiting; the same request may
 * succeed if tried again.
 *
 * <p>A failure category: a module's exception extends it to say what kind of refusal it is, and the
 * web layer answers every exception of a category alike. Nothing here knows HTTP.
 */
public abstract class Busy extends RuntimeException {
  protected Busy(String message) {
    super(message);
  }
}
