package dev.stepwise.aws;

import dev.stepwise.aws.Configurations.Tag;
import dev.stepwise.statemachine.SaveResult;
import dev.stepwise.statemachine.StateMachineConflict;
import dev.stepwise.statemachine.StateMachineNotFound;
import dev.stepwise.statemachine.StateMachineView;
import dev.stepwise.statemachine.StateMachines;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * State machines with the attributes the wire API keeps for them, each change to both in one
 * transaction (the state machine's JPA one, which these JDBC writes join).
 */
@Component
class WireStateMachines {
  private final StateMachines stateMachines;
  private final AwsResources resources;
  private final Arns arns;

  WireStateMachines(StateMachines stateMachines, AwsResources resources, Arns arns) {
    this.stateMachines = stateMachines;
    this.resources = resources;
    this.arns = arns;
  }

  record Created(StateMachineView stateMachine, boolean created) {}

  /**
   * AWS's idempotent create: the same name, definition, type and configurations again is the same
   * state machine (its role and tags stay as first given); anything else under that name is a
   * conflict.
   */
  @Transactional
  Created create(
      String name, JsonNode definition, StateMachineAttributes attributes, List<Tag> tags) {
    var saved = stateMachines.create(name, definition, null);
    if (saved.result() == SaveResult.UNCHANGED) {
      if (!attributes(name).sameAs(attributes.filled(arns.defaultRole()))) {
        throw new StateMachineConflict(
            "State Machine Already Exists: '" + arns.stateMachine(name) + "'");
      }
      return new Created(saved.stateMachine(), false);
    }
    resources.putAttributes(AwsResources.STATE_MACHINE, name, attributes.json());
    resources.putTags(AwsResources.STATE_MACHINE, name, Tags.json(tags == null ? List.of() : tags));
    return new Created(saved.stateMachine(), true);
  }

  /**
   * A new revision when {@code definition} is set; the attributes as {@code change} leaves them.
   */
  @Transactional
  StateMachineView update(
      String name,
      JsonNode definition,
      java.util.function.UnaryOperator<StateMachineAttributes> change) {
    StateMachineView view =
        definition == null
            ? stateMachines.get(name)
            : stateMachines.update(name, definition, null).stateMachine();
    resources.lock(AwsResources.STATE_MACHINE, name);
    resources.putAttributes(
        AwsResources.STATE_MACHINE, name, change.apply(attributes(name)).json());
    return view;
  }

  /**
   * Deletes a state machine and what the wire API kept for it; an unknown name is no error. Two
   * steps, not one transaction: the core's delete marks its transaction for rollback when the name
   * is unknown, and a row left behind by a crash between the two is replaced by the next create.
   */
  void delete(String name) {
    try {
      stateMachines.delete(name);
    } catch (StateMachineNotFound e) {
      // AWS answers a delete of a state machine that is not there with success.
    }
    resources.delete(AwsResources.STATE_MACHINE, name);
  }

  /** The attributes of a state machine that exists ({@code StateMachineNotFound} otherwise). */
  StateMachineAttributes liveAttributes(String name) {
    stateMachines.get(name);
    return attributes(name);
  }

  StateMachineAttributes attributes(String name) {
    return resources
        .find(AwsResources.STATE_MACHINE, name)
        .map(row -> StateMachineAttributes.read(row.attributes(), arns.defaultRole()))
        .orElseGet(() -> StateMachineAttributes.defaults(arns.defaultRole()));
  }

  /** The attributes of a page of state machines. */
  Map<String, StateMachineAttributes> attributes(List<String> names) {
    var stored = resources.attributes(AwsResources.STATE_MACHINE, names);
    var all = new java.util.HashMap<String, StateMachineAttributes>();
    for (String name : names) {
      String json = stored.get(name);
      all.put(
          name,
          json == null
              ? StateMachineAttributes.defaults(arns.defaultRole())
              : StateMachineAttributes.read(json, arns.defaultRole()));
    }
    return all;
  }
}
