package dev.stepwise.task;

import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskRequest;
import org.springframework.stereotype.Component;

/** STUB: replaced by the task module. */
@Component
public class HttpTaskDispatcher {
  public TaskOutcome call(TaskRequest request, CallContext context) {
    return new TaskOutcome.Failed("States.Runtime", "not yet");
  }
}
