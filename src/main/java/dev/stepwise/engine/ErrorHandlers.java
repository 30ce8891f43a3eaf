package dev.stepwise.engine;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.model.ErrorHandling;
import dev.stepwise.asl.model.State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** What happens when a state fails: its retriers, then its catchers, then the token fails. */
final class ErrorHandlers {
  private ErrorHandlers() {}

  /**
   * The specification's error handling: the first retrier whose {@code ErrorEquals} matches
   * decides; while it has attempts left the state runs again after its backoff. Otherwise the first
   * matching catcher takes over, and with none the token fails.
   */
  static Run.Flow handle(
      Run run, Token token, State state, ErrorHandling handling, String error, String cause) {
    Probe probe = run.probe();
    probe.handling(error, cause);
    if (!ErrorNames.isUncatchable(error)) {
      for (int i = 0; i < handling.retriers().size(); i++) {
        var retrier = handling.retriers().get(i);
        if (!matchesAny(retrier.errorEquals(), error)) continue;
        int used = i < token.retryCounts().size() ? token.retryCounts().get(i) : 0;
        if (used >= retrier.maxAttempts()) {
          probe.exhausted(i);
          break;
        }
        var counts = new ArrayList<>(token.retryCounts());
        while (counts.size() <= i) counts.add(0);
        counts.set(i, used + 1);
        var retrying =
            new Token(
                token.scope(),
                token.state(),
                Phase.RETRY,
                token.input(),
                null,
                List.copyOf(counts),
                token.enteredAt(),
                token.enteredEventId(),
                token.variables());
        var backoff = Backoff.delay(retrier, used, run.context().random());
        probe.retrying(i, backoff);
        return run.done(retrying, new Effect.Timer(run.context().now().plus(backoff)));
      }
      for (int i = 0; i < handling.catchers().size(); i++) {
        var catcher = handling.catchers().get(i);
        if (!matchesAny(catcher.errorEquals(), error)) continue;
        var errorOutput = new LinkedHashMap<String, Object>();
        errorOutput.put("Error", error);
        errorOutput.put("Cause", cause);
        try {
          Run.Flow caught = Catching.caught(run, state, catcher, token, errorOutput);
          probe.caught(i);
          return caught;
        } catch (StatesError e) {
          error = e.error();
          cause = e.cause();
          break;
        }
      }
    }
    boolean prefixed =
        ErrorNames.RUNTIME.equals(error) || ErrorNames.QUERY_EVALUATION_ERROR.equals(error);
    if (prefixed && token.enteredEventId() > 0) {
      cause =
          "An error occurred while executing the state '"
              + state.name()
              + "' (entered at the event id #"
              + token.enteredEventId()
              + "). "
              + cause;
    }
    // The token keeps the failed state as its position, so a redrive can enter it again.
    return run.done(token.restart(), new Effect.Failed(error, cause));
  }

  private static boolean matchesAny(List<String> patterns, String error) {
    for (String pattern : patterns) {
      if (ErrorNames.matches(pattern, error)) return true;
    }
    return false;
  }
}
