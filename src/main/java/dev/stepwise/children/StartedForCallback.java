package dev.stepwise.children;

import dev.stepwise.engine.TaskRequest;

/**
 * A {@link ChildKinds#CHILD_STARTED} item's payload: the request of a {@code
 * states:startExecution.waitForTaskToken} Task, and StartExecution's answer to it.
 */
record StartedForCallback(TaskRequest request, Object answer) {}
