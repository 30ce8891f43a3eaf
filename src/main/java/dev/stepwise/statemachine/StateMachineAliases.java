package dev.stepwise.statemachine;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aliases of state machines: a name that routes each start to one of one or two versions, by
 * weight. Every change holds the state machine's lock, so that a version cannot be deleted while an
 * alias comes to route to it.
 */
@Service
public class StateMachineAliases {
  /**
   * AWS's alias names: letters, digits, '-', '_' and '.', and at least one character that is not a
   * digit or '.', so that an alias is never taken for a version number.
   */
  private static final Pattern NAME = Pattern.compile("(?=.*[A-Za-z_-])[A-Za-z0-9_.-]{1,80}");

  private static final int MAX_DESCRIPTION = 256;

  private final VersionStore versions;
  private final AliasStore aliases;
  private final Clock clock;

  StateMachineAliases(VersionStore versions, AliasStore aliases, Clock clock) {
    this.versions = versions;
    this.aliases = aliases;
    this.clock = clock;
  }

  /**
   * How a create or put went ({@link SaveResult#CREATED}, {@code UNCHANGED} or {@code UPDATED}).
   */
  public record Saved(AliasView alias, SaveResult result) {}

  /**
   * Creates an alias. The same name with the same description and routing again is a no-op ({@code
   * UNCHANGED}); with others it is a {@link StateMachineConflict}.
   *
   * @throws InvalidAliasException for a bad name, description or routing, or a routing to a version
   *     that does not exist
   * @throws StateMachineNotFound for an unknown or deleted state machine
   */
  @Transactional
  public Saved create(String stateMachine, String alias, String description, List<Route> routing) {
    checkName(alias);
    checkDescription(description);
    Routing.check(routing);
    lock(stateMachine);
    var existing = aliases.find(stateMachine, alias);
    if (existing.isPresent()) {
      AliasView current = existing.get();
      if (Objects.equals(current.description(), description) && current.routing().equals(routing)) {
        return new Saved(current, SaveResult.UNCHANGED);
      }
      throw new StateMachineConflict(
          "An alias named '" + alias + "' exists with a different routing or description");
    }
    requireVersions(stateMachine, routing);
    Instant now = now();
    var created = new AliasView(stateMachine, alias, description, List.copyOf(routing), now, now);
    aliases.insert(created);
    return new Saved(created, SaveResult.CREATED);
  }

  /**
   * Changes an alias's description and routing; a null argument keeps what the alias has.
   *
   * @throws AliasNotFound when there is no such alias
   */
  @Transactional
  public AliasView update(
      String stateMachine, String alias, String description, List<Route> routing) {
    if (description != null) checkDescription(description);
    if (routing != null) Routing.check(routing);
    lock(stateMachine);
    AliasView current =
        aliases.find(stateMachine, alias).orElseThrow(() -> new AliasNotFound(stateMachine, alias));
    if (routing != null) requireVersions(stateMachine, routing);
    var updated =
        new AliasView(
            stateMachine,
            alias,
            description != null ? description : current.description(),
            routing != null ? List.copyOf(routing) : current.routing(),
            current.createdAt(),
            now());
    aliases.update(updated);
    return updated;
  }

  /**
   * Creates the alias, or updates it when it exists (a null description then keeps its own).
   * Answers {@code CREATED} or {@code UPDATED}.
   */
  @Transactional
  public Saved put(String stateMachine, String alias, String description, List<Route> routing) {
    checkName(alias);
    Routing.check(routing);
    lock(stateMachine);
    if (aliases.find(stateMachine, alias).isEmpty()) {
      return create(stateMachine, alias, description, routing);
    }
    return new Saved(update(stateMachine, alias, description, routing), SaveResult.UPDATED);
  }

  @Transactional(readOnly = true)
  public AliasView get(String stateMachine, String alias) {
    live(stateMachine);
    return aliases
        .find(stateMachine, alias)
        .orElseThrow(() -> new AliasNotFound(stateMachine, alias));
  }

  /** By name, after {@code after} (exclusive; null for the first), at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<AliasView> list(String stateMachine, String after, int limit) {
    live(stateMachine);
    return aliases.list(stateMachine, after, limit);
  }

  /**
   * Deletes an alias; executions started on it run on.
   *
   * @throws AliasNotFound when there is no such alias
   */
  @Transactional
  public void delete(String stateMachine, String alias) {
    lock(stateMachine);
    if (!aliases.delete(stateMachine, alias)) throw new AliasNotFound(stateMachine, alias);
  }

  /** Now, as PostgreSQL keeps it (to the microsecond), so the answer matches later reads. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private void requireVersions(String stateMachine, List<Route> routing) {
    for (Route route : routing) {
      if (versions.find(stateMachine, route.version()).isEmpty()) {
        throw new InvalidAliasException(
            "routing names version "
                + route.version()
                + ", which state machine '"
                + stateMachine
                + "' does not have");
      }
    }
  }

  private void lock(String stateMachine) {
    versions.lock(stateMachine).orElseThrow(() -> notFound(stateMachine));
  }

  private void live(String stateMachine) {
    if (!versions.live(stateMachine)) throw notFound(stateMachine);
  }

  private static void checkName(String alias) {
    if (alias == null || !NAME.matcher(alias).matches()) {
      throw new InvalidAliasException(
          "An alias name is 1 to 80 letters, digits, '-', '_' and '.', not all digits");
    }
  }

  private static void checkDescription(String description) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new InvalidAliasException(
          "An alias's description is at most " + MAX_DESCRIPTION + " characters");
    }
  }

  private static StateMachineNotFound notFound(String name) {
    return new StateMachineNotFound("State machine '" + name + "' does not exist");
  }
}
