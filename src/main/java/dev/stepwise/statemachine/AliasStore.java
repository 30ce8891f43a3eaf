package dev.stepwise.statemachine;

import static dev.stepwise.statemachine.Columns.instant;
import static dev.stepwise.statemachine.Columns.ts;

import dev.stepwise.database.TextColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The aliases and their routes, in plain SQL; callers hold the state machine's lock. */
@Component
class AliasStore {
  private static final String SELECT =
      "select state_machine, name, description, created_at, updated_at from state_machine_alias";

  private final JdbcClient jdbc;

  AliasStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<AliasView> find(String stateMachine, String name) {
    return withRoutes(
            stateMachine,
            jdbc.sql(SELECT + " where state_machine = ? and name = ?")
                .params(stateMachine, name)
                .query(AliasStore::map)
                .list())
        .stream()
        .findFirst();
  }

  /** By name, after {@code after} (exclusive; null for the first), at most {@code limit}. */
  List<AliasView> list(String stateMachine, String after, int limit) {
    return withRoutes(
        stateMachine,
        jdbc.sql(SELECT + " where state_machine = ? and name > ? order by name limit ?")
            .params(stateMachine, after == null ? "" : after, limit)
            .query(AliasStore::map)
            .list());
  }

  void insert(AliasView alias) {
    jdbc.sql(
            "insert into state_machine_alias"
                + " (state_machine, name, description, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(
            alias.stateMachine(),
            alias.name(),
            TextColumn.encode(alias.description()),
            ts(alias.createdAt()),
            ts(alias.updatedAt()))
        .update();
    insertRoutes(alias.stateMachine(), alias.name(), alias.routing());
  }

  void update(AliasView alias) {
    jdbc.sql(
            "update state_machine_alias set description = ?, updated_at = ?"
                + " where state_machine = ? and name = ?")
        .params(
            TextColumn.encode(alias.description()),
            ts(alias.updatedAt()),
            alias.stateMachine(),
            alias.name())
        .update();
    jdbc.sql("delete from state_machine_alias_route where state_machine = ? and alias = ?")
        .params(alias.stateMachine(), alias.name())
        .update();
    insertRoutes(alias.stateMachine(), alias.name(), alias.routing());
  }

  /** Deletes an alias (its routes go with it); false when there was none. */
  boolean delete(String stateMachine, String name) {
    return jdbc.sql("delete from state_machine_alias where state_machine = ? and name = ?")
            .params(stateMachine, name)
            .update()
        > 0;
  }

  /** The aliases that route to {@code version} (with any weight, 0 included), by name. */
  List<String> routingTo(String stateMachine, int version) {
    return jdbc.sql(
            "select distinct alias from state_machine_alias_route"
                + " where state_machine = ? and version = ? order by alias")
        .params(stateMachine, version)
        .query(String.class)
        .list();
  }

  private void insertRoutes(String stateMachine, String alias, List<Route> routes) {
    for (int i = 0; i < routes.size(); i++) {
      jdbc.sql(
              "insert into state_machine_alias_route"
                  + " (state_machine, alias, position, version, weight) values (?, ?, ?, ?, ?)")
          .params(stateMachine, alias, i, routes.get(i).version(), routes.get(i).weight())
          .update();
    }
  }

  /** The aliases with their routes, read in one more statement for all of them. */
  private List<AliasView> withRoutes(String stateMachine, List<AliasView> aliases) {
    if (aliases.isEmpty()) return aliases;
    Map<String, List<Route>> routes = new LinkedHashMap<>();
    jdbc.sql(
            "select alias, version, weight from state_machine_alias_route"
                + " where state_machine = ? and alias = any(?) order by alias, position")
        .params(stateMachine, aliases.stream().map(AliasView::name).toArray(String[]::new))
        .query(
            rs -> {
              routes
                  .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(new Route(rs.getInt(2), rs.getInt(3)));
            });
    return aliases.stream()
        .map(
            a ->
                new AliasView(
                    a.stateMachine(),
                    a.name(),
                    a.description(),
                    List.copyOf(routes.getOrDefault(a.name(), List.of())),
                    a.createdAt(),
                    a.updatedAt()))
        .toList();
  }

  private static AliasView map(ResultSet rs, int row) throws SQLException {
    return new AliasView(
        rs.getString("state_machine"),
        rs.getString("name"),
        TextColumn.decode(rs.getString("description")),
        List.of(),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }
}
