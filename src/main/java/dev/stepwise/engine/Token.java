package dev.stepwise.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One thread of control: the root of an execution, a Parallel branch or a Map iteration. It is the
 * interpreter's whole memory of where the token stands; the runtime stores it as JSON.
 *
 * @param scope the state machine it runs in (see {@link Scopes})
 * @param state the current state's name
 * @param phase where it stands within that state
 * @param input the current state's raw input (before InputPath), kept for ResultPath and retries
 * @param pending what the phase needs later: the output a Wait continues with
 * @param retryCounts attempts used so far, per retrier of the current state
 * @param enteredAt when the current state was entered ({@code $$.State.EnteredTime})
 * @param enteredEventId the id of the current state's "entered" event, quoted in runtime errors
 * @param variables the workflow variables in scope ({@code Assign}); a child token starts with a
 *     copy of its parent's, so its own assignments stay inside the branch or iteration
 */
public record Token(
    String scope,
    String state,
    Phase phase,
    Object input,
    Object pending,
    List<Integer> retryCounts,
    Instant enteredAt,
    long enteredEventId,
    Map<String, Object> variables) {

  public Token {
    // Tokens stored before variables existed have none.
    if (variables == null) variables = Map.of();
  }

  public static Token start(String scope, String state, Object input) {
    return start(scope, state, input, Map.of());
  }

  public static Token start(
      String scope, String state, Object input, Map<String, Object> variables) {
    return new Token(scope, state, Phase.ENTER, input, null, List.of(), null, 0, variables);
  }

  /** The same state entered afresh, with the same input and variables (a failure, a redrive). */
  public Token restart() {
    return start(scope, state, input, variables);
  }

  Token with(Phase newPhase, Object newPending) {
    return new Token(
        scope,
        state,
        newPhase,
        input,
        newPending,
        retryCounts,
        enteredAt,
        enteredEventId,
        variables);
  }

  Token withVariables(Map<String, Object> newVariables) {
    return new Token(
        scope, state, phase, input, pending, retryCounts, enteredAt, enteredEventId, newVariables);
  }

  int retryCount() {
    return retryCounts.stream().mapToInt(Integer::intValue).sum();
  }
}
