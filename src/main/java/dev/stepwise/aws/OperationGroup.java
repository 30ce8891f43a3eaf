package dev.stepwise.aws;

import java.util.List;

/**
 * A family of operations (state machines, executions, activities, …). Each family is a bean; a new
 * one (versions and aliases, say) joins the wire API by being one, with nothing to change here.
 */
public interface OperationGroup {
  List<Operation<?>> operations();
}
