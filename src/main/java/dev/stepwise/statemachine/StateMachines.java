package dev.stepwise.statemachine;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.model.StateMachine;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Stored, versioned definitions: create, update, describe, list, delete. Parsed revisions are
 * cached, since a revision never changes once written.
 */
@Service
public class StateMachines {
  private final StateMachineStore store;
  private final DefinitionValidator validator;
  private final Clock clock;
  private final JdbcClient jdbc;
  private final Map<RevisionKey, StateMachine> parsed = new ConcurrentHashMap<>();

  private record RevisionKey(String name, int revision) {}

  StateMachines(
      StateMachineStore store, DefinitionValidator validator, Clock clock, JdbcClient jdbc) {
    this.store = store;
    this.validator = validator;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  public record Saved(StateMachineView stateMachine, SaveResult result) {}

  public List<Diagnostic> validate(JsonNode definition) {
    return validator.validate(definition);
  }

  /**
   * Creates a state machine. The same name with an identical definition is a no-op; with another
   * definition it is a conflict. A deleted name can be created again, as a new revision. Two
   * creates of one name at once: one inserts, the other waits for its row and answers as if it came
   * second.
   */
  @Transactional
  public Saved create(String name, JsonNode definition, String description) {
    requireValid(definition);
    String text = Json.write(definition);
    Instant now = clock.instant();
    if (store.insertNew(name, text, description, now)) {
      return new Saved(
          new StateMachineView(name, 1, text, description, now, now), SaveResult.CREATED);
    }
    var existing = store.lock(name).orElseThrow();
    if (!existing.deleted()) {
      if (Json.mapper().readTree(existing.definition()).equals(definition)) {
        return new Saved(existing.view(), SaveResult.UNCHANGED);
      }
      throw new StateMachineConflict(
          "A state machine named '" + name + "' exists with a different definition");
    }
    return new Saved(store.revise(existing, text, description, now).view(), SaveResult.CREATED);
  }

  /** A new revision; the row's lock orders concurrent updates, each on the one before. */
  @Transactional
  public Saved update(String name, JsonNode definition, String description) {
    requireValid(definition);
    var current = store.lock(name).filter(m -> !m.deleted()).orElseThrow(() -> notFound(name));
    var revised =
        store.revise(
            current,
            Json.write(definition),
            description != null ? description : current.description(),
            clock.instant());
    return new Saved(revised.view(), SaveResult.UPDATED);
  }

  @Transactional(readOnly = true)
  public StateMachineView get(String name) {
    return store.live(name).orElseThrow(() -> notFound(name)).view();
  }

  @Transactional(readOnly = true)
  public StateMachineView revision(String name, int revision) {
    Instant createdAt = store.createdAt(name).orElseThrow(() -> notFound(name));
    var stored = store.revision(name, revision).orElseThrow(() -> noRevision(name, revision));
    return new StateMachineView(
        name, revision, stored.definition(), stored.description(), createdAt, stored.createdAt());
  }

  /** State machines by name, after {@code after} (exclusive), at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<StateMachineView> list(String after, int limit) {
    return list(after, limit, null);
  }

  /** As {@link #list(String, int)}, only names that start with {@code prefix} (unless null). */
  @Transactional(readOnly = true)
  public List<StateMachineView> list(String after, int limit, String prefix) {
    return store.listLive(after == null ? "" : after, prefix, limit).stream()
        .map(StateMachineStore.Current::view)
        .toList();
  }

  /**
   * Deletes a state machine with its versions and aliases (as AWS does). The row's lock keeps a
   * publish or an alias change from slipping in meanwhile; version numbers are still not reused if
   * the name is created again.
   */
  @Transactional
  public void delete(String name) {
    store.lock(name).filter(m -> !m.deleted()).orElseThrow(() -> notFound(name));
    store.markDeleted(name, clock.instant());
    jdbc.sql("delete from state_machine_alias where state_machine = ?").param(name).update();
    jdbc.sql("delete from state_machine_version where state_machine = ?").param(name).update();
  }

  /** The current revision of a live state machine, for starting an execution (every start). */
  public int currentRevision(String name) {
    return jdbc.sql("select revision from state_machine where name = ? and deleted_at is null")
        .param(name)
        .query(Integer.class)
        .optional()
        .orElseThrow(() -> notFound(name));
  }

  /** The parsed definition of a revision (cached: revisions never change). */
  public StateMachine parsed(String name, int revision) {
    var key = new RevisionKey(name, revision);
    StateMachine machine = parsed.get(key);
    if (machine == null) {
      String definition =
          store.revision(name, revision).orElseThrow(() -> noRevision(name, revision)).definition();
      machine = validator.parse(definition);
      parsed.put(key, machine);
    }
    return machine;
  }

  private void requireValid(JsonNode definition) {
    List<Diagnostic> diagnostics = validator.validate(definition);
    if (!diagnostics.isEmpty()) throw new InvalidDefinitionException(diagnostics);
  }

  private static StateMachineNotFound notFound(String name) {
    return new StateMachineNotFound("State machine '" + name + "' does not exist");
  }

  private static StateMachineNotFound noRevision(String name, int revision) {
    return new StateMachineNotFound("State machine '" + name + "' has no revision " + revision);
  }
}
