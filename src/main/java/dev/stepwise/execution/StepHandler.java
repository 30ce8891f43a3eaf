package dev.stepwise.execution;

import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import java.util.List;
import org.springframework.stereotype.Component;

/** Runs a token: entering a state, or going on after its Wait or retry timer fired. */
@Component
class StepHandler implements WorkHandler {
  private final Stepper stepper;

  StepHandler(Stepper stepper) {
    this.stepper = stepper;
  }

  @Override
  public String kind() {
    return WorkKinds.STEP;
  }

  @Override
  public void handle(WorkItem item) {
    stepper.run(item, List.of(), (interpreter, token, context) -> interpreter.advance(token, context));
  }
}
