package dev.stepwise.queue;

import java.time.Duration;

/**
 * This node handled a claimed work item (whatever the outcome), published right after, on the
 * thread that ran it.
 *
 * @param kind the work item's kind
 * @param delay how long after falling due the item started running here (zero when early)
 * @param duration how long handling it took: a step's transaction, a Task's request and the
 *     transaction that records its outcome
 */
public record WorkItemHandled(String kind, Duration delay, Duration duration) {}
