package dev.stepwise.aws;

import java.util.List;

/**
 * A family of operations (state machines, versions, aliases, executions, activities, …). Each
 * family is a bean; a new one joins the wire API by being one, with nothing to change here.
 */
public interface OperationGroup {
  List<Operation<?>> operations();
}
