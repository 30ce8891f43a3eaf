package dev.stepwise.callback;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads how many Task states wait for a callback or an activity worker, per state machine: a
 * read-only view for {@code stepwise.callbacks.open}, so that the metrics need no service that
 * changes anything.
 */
@Component
public class OpenCallbacks {
  private final CallbackStore store;

  OpenCallbacks(CallbackStore store) {
    this.store = store;
  }

  /** Callbacks waiting for an answer, per state machine (one query). */
  public Map<String, Long> perStateMachine() {
    return store.openCounts();
  }
}
