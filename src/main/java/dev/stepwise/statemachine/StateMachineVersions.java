package dev.stepwise.statemachine;

import dev.stepwise.asl.Json;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Versions of state machines: publish, describe, list, delete. A version is published from the
 * current revision and never changes; its number is one more than the last number the state machine
 * ever gave, so numbers are never reused. Publishing again when nothing changed returns the version
 * already published (AWS's idempotent PublishStateMachineVersion).
 */
@Service
public class StateMachineVersions {
  /** AWS's bound on a version's description. */
  static final int MAX_DESCRIPTION = 256;

  private final VersionStore versions;
  private final AliasStore aliases;
  private final StateMachines stateMachines;
  private final Clock clock;

  StateMachineVersions(
      VersionStore versions, AliasStore aliases, StateMachines stateMachines, Clock clock) {
    this.versions = versions;
    this.aliases = aliases;
    this.stateMachines = stateMachines;
    this.clock = clock;
  }

  /** How a publish went: {@link SaveResult#CREATED}, or {@code UNCHANGED} for an existing one. */
  public record Saved(VersionView version, SaveResult result) {}

  /** A state machine saved and a version published from it, in one transaction. */
  public record Published(StateMachines.Saved stateMachine, Saved version) {}

  /**
   * Publishes the current revision of a state machine as a version, or returns the version that
   * already holds it: one published from the current revision, or the latest version when its
   * definition is the current one.
   *
   * @param expectedRevision when set, the revision the caller saw: publishing any other is refused
   *     with {@link StateMachineConflict}
   * @throws StateMachineNotFound for an unknown or deleted state machine
   * @throws InvalidVersionException for a description over 256 characters
   */
  @Transactional
  public Saved publish(String stateMachine, Integer expectedRevision, String description) {
    checkDescription(description);
    var locked = versions.lock(stateMachine).orElseThrow(() -> notFound(stateMachine));
    if (expectedRevision != null && expectedRevision != locked.revision()) {
      throw new StateMachineConflict(
          "State machine '"
              + stateMachine
              + "' is at revision "
              + locked.revision()
              + ", not "
              + expectedRevision);
    }
    Optional<VersionView> existing = versions.ofRevision(stateMachine, locked.revision());
    if (existing.isPresent()) return new Saved(existing.get(), SaveResult.UNCHANGED);
    Optional<VersionView> latest = versions.latest(stateMachine);
    if (latest.isPresent() && sameDefinition(latest.get(), locked)) {
      return new Saved(latest.get(), SaveResult.UNCHANGED);
    }
    int version = versions.insert(locked, description, clock.instant());
    return new Saved(versions.find(stateMachine, version).orElseThrow(), SaveResult.CREATED);
  }

  /** {@link StateMachines#create}, then {@link #publish} of the result (AWS's publish: true). */
  @Transactional
  public Published createAndPublish(
      String name, JsonNode definition, String description, String versionDescription) {
    checkDescription(versionDescription);
    var saved = stateMachines.create(name, definition, description);
    return new Published(saved, publish(name, null, versionDescription));
  }

  /** {@link StateMachines#update}, then {@link #publish} of the result (AWS's publish: true). */
  @Transactional
  public Published updateAndPublish(
      String name, JsonNode definition, String description, String versionDescription) {
    checkDescription(versionDescription);
    var saved = stateMachines.update(name, definition, description);
    return new Published(saved, publish(name, null, versionDescription));
  }

  /**
   * @throws VersionNotFound when the state machine lives but has no such version
   */
  @Transactional(readOnly = true)
  public VersionView get(String stateMachine, int version) {
    if (!versions.live(stateMachine)) throw notFound(stateMachine);
    return versions
        .find(stateMachine, version)
        .orElseThrow(() -> new VersionNotFound(stateMachine, Integer.toString(version)));
  }

  /** Newest first, below {@code before} (exclusive; null for the newest), at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<VersionView> list(String stateMachine, Integer before, int limit) {
    if (!versions.live(stateMachine)) throw notFound(stateMachine);
    return versions.list(stateMachine, before, limit);
  }

  /**
   * Deletes a version. Executions running on it run on; its number is not given again.
   *
   * @throws StateMachineConflict while an alias routes to it (with any weight)
   * @throws VersionNotFound when there is no such version
   */
  @Transactional
  public void delete(String stateMachine, int version) {
    versions.lock(stateMachine).orElseThrow(() -> notFound(stateMachine));
    List<String> routing = aliases.routingTo(stateMachine, version);
    if (!routing.isEmpty()) {
      throw new StateMachineConflict(
          "Version "
              + version
              + " of state machine '"
              + stateMachine
              + "' is routed to by alias "
              + String.join(", ", routing)
              + "; change or delete the alias first");
    }
    if (!versions.delete(stateMachine, version)) {
      throw new VersionNotFound(stateMachine, Integer.toString(version));
    }
  }

  private boolean sameDefinition(VersionView version, VersionStore.Locked current) {
    if (version.revision() == current.revision()) return true;
    String definition = versions.definition(current.name(), current.revision());
    return definition.equals(version.definition())
        || Json.mapper().readTree(definition).equals(Json.mapper().readTree(version.definition()));
  }

  private static void checkDescription(String description) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new InvalidVersionException(
          "A version's description is at most " + MAX_DESCRIPTION + " characters");
    }
  }

  private static StateMachineNotFound notFound(String name) {
    return new StateMachineNotFound("State machine '" + name + "' does not exist");
  }
}
