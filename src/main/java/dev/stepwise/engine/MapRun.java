package dev.stepwise.engine;

import dev.stepwise.asl.Json;

/**
 * A distributed Map's run, as its token keeps it while the child executions work: the label that
 * names them, how many there are, and the failure tolerance.
 *
 * @param toleratedFailureCount null when the definition set none
 * @param toleratedFailurePercentage null when the definition set none
 */
public record MapRun(
    String label, int total, Long toleratedFailureCount, Double toleratedFailurePercentage) {

  public static final String EXCEEDED = "States.ExceedToleratedFailureThreshold";

  /**
   * Whether {@code failed} children fail the run: more than the count or the percentage allows
   * (either, when both are set). With neither set, AWS tolerates no failure.
   */
  public boolean exceeded(int failed) {
    if (toleratedFailureCount == null && toleratedFailurePercentage == null) return failed > 0;
    if (toleratedFailureCount != null && failed > toleratedFailureCount) return true;
    return toleratedFailurePercentage != null
        && total > 0
        && failed * 100.0 / total > toleratedFailurePercentage;
  }

  public String exceededCause(int failed) {
    return "The map run failed: " + failed + " of " + total
        + " child executions failed, more than the tolerated failure threshold";
  }

  /** The map run a token in a distributed Map's fork keeps in its {@code pending}. */
  static MapRun of(Token token) {
    return Json.mapper().convertValue(token.pending(), MapRun.class);
  }
}
