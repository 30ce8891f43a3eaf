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
 * The versions table, in plain SQL, and the lock that orders every change to a state machine's
 * versions and aliases: its row in {@code state_machine}.
 */
@Component
class VersionStore {
  private static final String SELECT =
      "select v.state_machine, v.version, v.revision, r.definition, v.description, v.created_at"
          + " from state_machine_version v join state_machine_revision r"
          + " on r.name = v.state_machine and r.revision = v.revision";

  private final JdbcClient jdbc;

  VersionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A live state machine's row, locked for this transaction. */
  record Locked(String name, int revision, int lastVersion) {}

  Optional<Locked> lock(String stateMachine) {
    return jdbc.sql(
            "select name, revision, last_version from state_machine"
                + " where name = ? and deleted_at is null for update")
        .param(stateMachine)
        .query((rs, i) -> new Locked(rs.getString(1), rs.getInt(2), rs.getInt(3)))
        .optional();
  }

  /** Whether the state machine exists and is not deleted (a plain read, for describing). */
  boolean live(String stateMachine) {
    return jdbc.sql("select count(*) from state_machine where name = ? and deleted_at is null")
            .param(stateMachine)
            .query(Integer.class)
            .single()
        > 0;
  }

  String definition(String stateMachine, int revision) {
    return jdbc.sql("select definition from state_machine_revision where name = ? and revision = ?")
        .params(stateMachine, revision)
        .query(String.class)
        .single();
  }

  /** Inserts the version after {@code locked}'s last one and counts it; returns its number. */
  int insert(Locked locked, String description, Instant now) {
    int version = locked.lastVersion() + 1;
    jdbc.sql("update state_machine set last_version = ? where name = ?")
        .params(version, locked.name())
        .update();
    jdbc.sql(
            "insert into state_machine_version"
                + " (state_machine, version, revision, description, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(locked.name(), version, locked.revision(), TextColumn.encode(description), ts(now))
        .update();
    return version;
  }

  Optional<VersionView> find(String stateMachine, int version) {
    return jdbc.sql(SELECT + " where v.state_machine = ? and v.version = ?")
        .params(stateMachine, version)
        .query(VersionStore::map)
        .optional();
  }

  Optional<VersionView> latest(String stateMachine) {
    return jdbc.sql(SELECT + " where v.state_machine = ? order by v.version desc limit 1")
        .param(stateMachine)
        .query(VersionStore::map)
        .optional();
  }

  /** The newest version published from {@code revision}, if any. */
  Optional<VersionView> ofRevision(String stateMachine, int revision) {
    return jdbc.sql(
            SELECT
                + " where v.state_machine = ? and v.revision = ? order by v.version desc limit 1")
        .params(stateMachine, revision)
        .query(VersionStore::map)
        .optional();
  }

  /** Newest first, below {@code before} (exclusive; null for the newest), at most {@code limit}. */
  List<VersionView> list(String stateMachine, Integer before, int limit) {
    return jdbc.sql(
            SELECT + " where v.state_machine = ? and v.version < ? order by v.version desc limit ?")
        .params(stateMachine, before == null ? Integer.MAX_VALUE : before, limit)
        .query(VersionStore::map)
        .list();
  }

  boolean delete(String stateMachine, int version) {
    return jdbc.sql("delete from state_machine_version where state_machine = ? and version = ?")
            .params(stateMachine, version)
            .update()
        > 0;
  }

  private static VersionView map(ResultSet rs, int row) throws SQLException {
    return new VersionView(
        rs.getString("state_machine"),
        rs.getInt("version"),
        rs.getInt("revision"),
        rs.getString("definition"),
        TextColumn.decode(rs.getString("description")),
        instant(rs, "created_at"));
  }
}
