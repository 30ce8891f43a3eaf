package dev.stepwise.statemachine;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.model.StateMachine;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.domain.Limit;
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
  private final StateMachineRepository machines;
  private final StateMachineRevisionRepository revisions;
  private final DefinitionValidator validator;
  private final Clock clock;
  private final JdbcClient jdbc;
  private final Map<StateMachineRevisionEntity.Key, StateMachine> parsed =
      new ConcurrentHashMap<>();

  StateMachines(
      StateMachineRepository machines,
      StateMachineRevisionRepository revisions,
      DefinitionValidator validator,
      Clock clock,
      JdbcClient jdbc) {
    this.machines = machines;
    this.revisions = revisions;
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
   * definition it is a conflict. A deleted name can be created again, as a new revision.
   */
  @Transactional
  public Saved create(String name, JsonNode definition, String description) {
    requireValid(definition);
    String text = Json.write(definition);
    var existing = machines.findById(name);
    if (existing.isEmpty()) {
      var entity = machines.save(new StateMachineEntity(name, description, clock.instant()));
      revisions.save(
          new StateMachineRevisionEntity(name, 1, text, description, entity.createdAt()));
      return new Saved(view(entity, text), SaveResult.CREATED);
    }
    StateMachineEntity entity = existing.get();
    if (!entity.deleted()) {
      String current = currentRevision(entity).definition();
      if (Json.mapper().readTree(current).equals(definition)) {
        return new Saved(view(entity, current), SaveResult.UNCHANGED);
      }
      throw new StateMachineConflict(
          "A state machine named '" + name + "' exists with a different definition");
    }
    return new Saved(revise(entity, text, description), SaveResult.CREATED);
  }

  @Transactional
  public Saved update(String name, JsonNode definition, String description) {
    requireValid(definition);
    StateMachineEntity entity = live(name);
    return new Saved(
        revise(
            entity,
            Json.write(definition),
            description != null ? description : entity.description()),
        SaveResult.UPDATED);
  }

  @Transactional(readOnly = true)
  public StateMachineView get(String name) {
    StateMachineEntity entity = live(name);
    return view(entity, currentRevision(entity).definition());
  }

  @Transactional(readOnly = true)
  public StateMachineView revision(String name, int revision) {
    StateMachineEntity entity = machines.findById(name).orElseThrow(() -> notFound(name));
    var stored =
        revisions
            .findById(new StateMachineRevisionEntity.Key(name, revision))
            .orElseThrow(
                () ->
                    new StateMachineNotFound(
                        "State machine '" + name + "' has no revision " + revision));
    return new StateMachineView(
        name,
        revision,
        stored.definition(),
        stored.description(),
        entity.createdAt(),
        stored.createdAt());
  }

  /** State machines by name, after {@code after} (exclusive), at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<StateMachineView> list(String after, int limit) {
    return list(after, limit, null);
  }

  /** As {@link #list(String, int)}, only names that start with {@code prefix} (unless null). */
  @Transactional(readOnly = true)
  public List<StateMachineView> list(String after, int limit, String prefix) {
    String from = after == null ? "" : after;
    var entities =
        prefix == null
            ? machines.findByDeletedAtIsNullAndNameGreaterThanOrderByName(from, Limit.of(limit))
            : machines.findByDeletedAtIsNullAndNameGreaterThanAndNameStartingWithOrderByName(
                from, prefix, Limit.of(limit));
    return entities.stream().map(e -> view(e, currentRevision(e).definition())).toList();
  }

  /**
   * Deletes a state machine with its versions and aliases (as AWS does). The row's lock keeps a
   * publish or an alias change from slipping in meanwhile; version numbers are still not reused if
   * the name is created again.
   */
  @Transactional
  public void delete(String name) {
    machines
        .findLocked(name)
        .filter(e -> !e.deleted())
        .orElseThrow(() -> notFound(name))
        .delete(clock.instant());
    jdbc.sql("delete from state_machine_alias where state_machine = ?").param(name).update();
    jdbc.sql("delete from state_machine_version where state_machine = ?").param(name).update();
  }

  /**
   * The current revision of a live state machine, for starting an execution. Plain SQL: it runs
   * inside the runtime's JDBC transaction on every start.
   */
  public int currentRevision(String name) {
    return jdbc.sql("select revision from state_machine where name = ? and deleted_at is null")
        .param(name)
        .query(Integer.class)
        .optional()
        .orElseThrow(() -> notFound(name));
  }

  /** The parsed definition of a revision (cached: revisions never change). */
  public StateMachine parsed(String name, int revision) {
    var key = new StateMachineRevisionEntity.Key(name, revision);
    StateMachine machine = parsed.get(key);
    if (machine == null) {
      // Plain SQL, like currentRevision: this runs inside the runtime's JDBC transactions.
      String definition =
          jdbc.sql("select definition from state_machine_revision where name = ? and revision = ?")
              .params(name, revision)
              .query(String.class)
              .optional()
              .orElseThrow(
                  () ->
                      new StateMachineNotFound(
                          "State machine '" + name + "' has no revision " + revision));
      machine = validator.parse(definition);
      parsed.put(key, machine);
    }
    return machine;
  }

  private StateMachineView revise(StateMachineEntity entity, String text, String description) {
    int revision = entity.revise(description, clock.instant());
    revisions.save(
        new StateMachineRevisionEntity(
            entity.name(), revision, text, description, entity.updatedAt()));
    return view(entity, text);
  }

  private void requireValid(JsonNode definition) {
    List<Diagnostic> diagnostics = validator.validate(definition);
    if (!diagnostics.isEmpty()) throw new InvalidDefinitionException(diagnostics);
  }

  private StateMachineEntity live(String name) {
    return machines.findById(name).filter(e -> !e.deleted()).orElseThrow(() -> notFound(name));
  }

  private StateMachineRevisionEntity currentRevision(StateMachineEntity entity) {
    return revisions
        .findById(new StateMachineRevisionEntity.Key(entity.name(), entity.revision()))
        .orElseThrow();
  }

  private static StateMachineNotFound notFound(String name) {
    return new StateMachineNotFound("State machine '" + name + "' does not exist");
  }

  private static StateMachineView view(StateMachineEntity entity, String definition) {
    return new StateMachineView(
        entity.name(),
        entity.revision(),
        definition,
        entity.description(),
        entity.createdAt(),
        entity.updatedAt());
  }
}
