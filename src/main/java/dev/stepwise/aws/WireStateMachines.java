package dev.stepwise.aws;

import dev.stepwise.aws.Configurations.Tag;
import dev.stepwise.statemachine.SaveResult;
import dev.stepwise.statemachine.StateMachineConflict;
import dev.stepwise.statemachine.StateMachineNotFound;
import dev.stepwise.statemachine.StateMachineVersions;
import dev.stepwise.statemachine.StateMachineView;
import dev.stepwise.statemachine.StateMachines;
import dev.stepwise.statemachine.VersionView;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * State machines with the attributes the wire API keeps for them, each change to both in one
 * transaction.
 */
@Component
class WireStateMachines {
  private final StateMachines stateMachines;
  private final StateMachineVersions versions;
  private final AwsResources resources;
  private final Arns arns;

  WireStateMachines(
      StateMachines stateMachines,
      StateMachineVersions versions,
      AwsResources resources,
      Arns arns) {
    this.stateMachines = stateMachines;
    this.versions = versions;
    this.resources = resources;
    this.arns = arns;
  }

  /**
   * What AWS's {@code publish} and {@code versionDescription} ask for: a version of the result, or
   * none ({@link #NONE}).
   */
  record Publish(boolean publish, String description) {
    static final Publish NONE = new Publish(false, null);
  }

  /** {@code version}: the version published with it, when asked for (else null). */
  record Created(StateMachineView stateMachine, boolean created, VersionView version) {}

  /** {@code version}: the version published with it, when asked for (else null). */
  record Updated(StateMachineView stateMachine, VersionView version) {}

  /**
   * AWS's idempotent create: the same name, definition, type and configurations again is the same
   * state machine (its role and tags stay as first given); anything else under that name is a
   * conflict.
   */
  @Transactional
  Created create(
      String name,
      JsonNode definition,
      StateMachineAttributes attributes,
      List<Tag> tags,
      Publish publish) {
    StateMachines.Saved saved;
    VersionView version = null;
    if (publish.publish()) {
      var published = versions.createAndPublish(name, definition, null, publish.description());
      saved = published.stateMachine();
      version = published.version().version();
    } else {
      saved = stateMachines.create(name, definition, null);
    }
    if (saved.result() == SaveResult.UNCHANGED) {
      if (!attributes(name).sameAs(attributes.filled(arns.defaultRole()))) {
        throw new StateMachineConflict(
            "State Machine Already Exists: '" + arns.stateMachine(name) + "'");
      }
      return new Created(saved.stateMachine(), false, version);
    }
    resources.putAttributes(AwsResources.STATE_MACHINE, name, attributes.json());
    resources.putTags(AwsResources.STATE_MACHINE, name, Tags.json(tags == null ? List.of() : tags));
    return new Created(saved.stateMachine(), true, version);
  }

  /**
   * A new revision when {@code definition} is set; the attributes as {@code change} leaves them;
   * and, when asked for, a version of the current revision (the one already published from it, if
   * any), all in one transaction.
   */
  @Transactional
  Updated update(
      String name,
      JsonNode definition,
      UnaryOperator<StateMachineAttributes> change,
      Publish publish) {
    StateMachineView view;
    VersionView version = null;
    if (definition == null) {
      view = stateMachines.get(name);
      if (publish.publish())
        version = versions.publish(name, null, publish.description()).version();
    } else if (publish.publish()) {
      var published = versions.updateAndPublish(name, definition, null, publish.description());
      view = published.stateMachine().stateMachine();
      version = published.version().version();
    } else {
      view = stateMachines.update(name, definition, null).stateMachine();
    }
    resources.lock(AwsResources.STATE_MACHINE, name);
    resources.putAttributes(
        AwsResources.STATE_MACHINE, name, change.apply(attributes(name)).json());
    return new Updated(view, version);
  }

  /** A published version ({@code VersionNotFound} when the state machine has no such one). */
  VersionView version(String name, int version) {
    return versions.get(name, version);
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
