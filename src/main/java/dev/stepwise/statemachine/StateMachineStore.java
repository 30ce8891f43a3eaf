package dev.stepwise.statemachine;

import static dev.stepwise.statemachine.Columns.instant;
import static dev.stepwise.statemachine.Columns.ts;

import dev.stepwise.database.TextColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tables {@code state_machine} (a name's current row: its newest revision, whether it was
 * deleted) and {@code state_machine_revision} (immutable definitions), in plain SQL.
 */
@Component
class StateMachineStore {
  /** A state machine's row with its current revision's definition. */
  record Current(
      String name,
      int revision,
      String definition,
      String description,
      Instant createdAt,
      Instant updatedAt,
      Instant deletedAt) {
    boolean deleted() {
      return deletedAt != null;
    }

    StateMachineView view() {
      return new StateMachineView(name, revision, definition, description, createdAt, updatedAt);
    }
  }

  /** One stored revision. */
  record Revision(String definition, String description, Instant createdAt) {}

  private static final String CURRENT =
      "select m.name, m.revision, r.definition, m.description, m.created_at, m.updated_at,"
          + " m.deleted_at from state_machine m join state_machine_revision r"
          + " on r.name = m.name and r.revision = m.revision";

  private final JdbcClient jdbc;

  StateMachineStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts a new name's row at revision 1 with its definition; false, writing nothing, when the
   * name has a row already (live or deleted), even one a concurrent transaction just inserted.
   */
  boolean insertNew(String name, String definition, String description, Instant now) {
    boolean inserted =
        jdbc.sql(
                    "insert into state_machine (name, revision, description, created_at,"
                        + " updated_at) values (?, 1, ?, ?, ?) on conflict (name) do nothing")
                .params(name, TextColumn.encode(description), ts(now), ts(now))
                .update()
            > 0;
    if (inserted) insertRevision(name, 1, definition, description, now);
    return inserted;
  }

  /**
   * The row and its current definition, locked for this transaction (live or deleted). Two
   * statements: a row updated while this one waited for its lock is re-read by PostgreSQL alone,
   * against rows joined (or selected) under the statement's older snapshot, which would miss the
   * revision the other transaction added; the second statement sees it.
   */
  Optional<Current> lock(String name) {
    boolean exists =
        jdbc.sql("select 1 from state_machine where name = ? for update")
            .param(name)
            .query(Integer.class)
            .optional()
            .isPresent();
    if (!exists) return Optional.empty();
    return jdbc.sql(CURRENT + " where m.name = ?")
        .param(name)
        .query(StateMachineStore::current)
        .optional();
  }

  /** A live state machine with its current definition (a plain read). */
  Optional<Current> live(String name) {
    return jdbc.sql(CURRENT + " where m.name = ? and m.deleted_at is null")
        .param(name)
        .query(StateMachineStore::current)
        .optional();
  }

  /** When the name's row was first created; empty if it has none (live or deleted). */
  Optional<Instant> createdAt(String name) {
    return jdbc.sql("select created_at from state_machine where name = ?")
        .param(name)
        .query((rs, i) -> instant(rs, "created_at"))
        .optional();
  }

  /**
   * Moves a locked row to its next revision with this definition (an update, or a re-creation after
   * a delete, which makes it live again); returns the new row.
   */
  Current revise(Current locked, String definition, String description, Instant now) {
    int revision = locked.revision() + 1;
    jdbc.sql(
            "update state_machine set revision = ?, description = ?, updated_at = ?,"
                + " deleted_at = null where name = ?")
        .params(revision, TextColumn.encode(description), ts(now), locked.name())
        .update();
    insertRevision(locked.name(), revision, definition, description, now);
    return new Current(
        locked.name(), revision, definition, description, locked.createdAt(), now, null);
  }

  void markDeleted(String name, Instant now) {
    jdbc.sql("update state_machine set deleted_at = ?, updated_at = ? where name = ?")
        .params(ts(now), ts(now), name)
        .update();
  }

  Optional<Revision> revision(String name, int revision) {
    return jdbc.sql(
            "select definition, description, created_at from state_machine_revision"
                + " where name = ? and revision = ?")
        .params(name, revision)
        .query(
            (rs, i) ->
                new Revision(
                    rs.getString("definition"),
                    TextColumn.decode(rs.getString("description")),
                    instant(rs, "created_at")))
        .optional();
  }

  /**
   * Live state machines by name after {@code after}, only those starting with a non-null prefix.
   */
  List<Current> listLive(String after, String prefix, int limit) {
    return jdbc.sql(
            CURRENT
                + " where m.deleted_at is null and m.name > ?"
                + " and (cast(? as text) is null or starts_with(m.name, ?))"
                + " order by m.name limit ?")
        .params(after, prefix, prefix, limit)
        .query(StateMachineStore::current)
        .list();
  }

  private void insertRevision(
      String name, int revision, String definition, String description, Instant now) {
    jdbc.sql(
            "insert into state_machine_revision (name, revision, definition, description,"
                + " created_at) values (?, ?, ?, ?, ?)")
        .params(name, revision, definition, TextColumn.encode(description), ts(now))
        .update();
  }

  private static Current current(ResultSet rs, int row) throws SQLException {
    var deletedAt = rs.getObject("deleted_at", java.time.OffsetDateTime.class);
    return new Current(
        rs.getString("name"),
        rs.getInt("revision"),
        rs.getString("definition"),
        TextColumn.decode(rs.getString("description")),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        deletedAt == null ? null : deletedAt.toInstant());
  }
}
