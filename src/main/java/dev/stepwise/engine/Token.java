package dev.stepwise.engine;

import java.time.Instant;
import java.util.List;

/**
 * One thread of control: the root of an execution, a Parallel branch or a Map iteration. It is
 * the interpreter's whole memory of where the token stands; the runtime stores it as JSON.
 *
 * @param scope the state machine it runs in (see {@link Scopes})
 * @param state the current state's name
 * @param phase where it stands within that state
 * @param input the current state's raw input (before InputPath), kept for ResultPath and retries
 * @param pending what the phase needs later: the output a Wait continues with
 * @param retryCounts attempts used so far, per retrier of the current state
 * @param enteredAt when the current state was entered ({@code $$.State.EnteredTime})
 * @param enteredEventId the id of the current state's "entered" event, quoted in runtime errors
 */
public record Token(
    String scope,
    String state,
    Phase phase,
    Object input,
    Object pending,
    List<Integer> retryCounts,
    Instant enteredAt,
    long enteredEventId) {

  public static Token start(String scope, String state, Object input) {
    return new Token(scope, state, Phase.ENTER, input, null, List.of(), null, 0);
  }

  Token with(Phase newPhase, Object newPending) {
    return new Token(scope, state, newPhase, input, newPending, retryCounts, enteredAt, enteredEventId);
  }

  int retryCount() {
    return retryCounts.stream().mapToInt(Integer::intValue).sum();
  }
}
