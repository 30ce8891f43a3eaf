package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.database.CarriedWrite;
import dev.stepwise.engine.Token;
import dev.stepwise.execution.TokenRow.TokenStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tokens of executions. Callers hold the execution's row lock. */
@Component
public class TokenStore {
  private static final String COLUMNS =
      "id, parent_id, child_index, status, position, output, open_children, version";

  private final JdbcClient jdbc;

  TokenStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the children of a fork in one statement. */
  void insertChildren(
      UUID executionId, int parentId, int firstId, List<Token> children, int activeCount) {
    int n = children.size();
    var ids = new Integer[n];
    var indexes = new Integer[n];
    var statuses = new String[n];
    var positions = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = firstId + i;
      indexes[i] = i;
      statuses[i] = (i < activeCount ? TokenStatus.ACTIVE : TokenStatus.PENDING).name();
      positions[i] = write(children.get(i));
    }
    jdbc.sql(
            "insert into token (execution_id, id, parent_id, child_index, status, position)"
                + " select ?, t.id, ?, t.idx, t.status, t.position"
                + " from unnest(?::int[], ?::int[], ?::text[], ?::text[])"
                + " as t(id, idx, status, position)")
        .params(executionId, parentId, ids, indexes, statuses, positions)
        .update();
    jdbc.sql("update token set open_children = ? where execution_id = ? and id = ?")
        .params(n, executionId, parentId)
        .update();
  }

  public Optional<TokenRow> find(UUID executionId, int id) {
    return jdbc.sql("select " + COLUMNS + " from token where execution_id = ? and id = ?")
        .params(executionId, id)
        .query(TokenStore::map)
        .optional();
  }

  /** Writes a token's move on its own. */
  void write(CarriedWrite move) {
    jdbc.sql(move.sql()).params(move.params()).update();
  }

  /**
   * The write that moves a token to a new position, to carry in another statement (see {@link
   * CarriedWrite}), and the version it gives the token.
   */
  Move moving(UUID executionId, TokenRow row, Token position) {
    int version = row.version() + 1;
    return new Move(
        new CarriedWrite(
            "update token set position = ?, version = ? where execution_id = ? and id = ?",
            Arrays.asList(write(position), version, executionId, row.id())),
        version);
  }

  /**
   * The insert of a new token already moved to {@code position} (its own position when null), to
   * carry like a move: a new execution's root token is written with its first step's work, one
   * round trip fewer per start.
   */
  Move inserting(UUID executionId, TokenRow row, Token position) {
    int version = position == null ? row.version() : row.version() + 1;
    return new Move(
        new CarriedWrite(
            "insert into token (execution_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Arrays.asList(
                executionId,
                row.id(),
                row.parentId(),
                row.childIndex(),
                row.status().name(),
                write(position == null ? row.position() : position),
                row.output(),
                row.openChildren(),
                version)),
        version);
  }

  /** A token's move, not yet written, and the token's version after it. */
  record Move(CarriedWrite write, int version) {}

  /** Makes a token active again at a new position (a redrive); returns its new version. */
  int reactivate(UUID executionId, TokenRow row, Token position) {
    jdbc.sql(
            "update token set status = 'ACTIVE', position = ?, output = null, open_children = 0,"
                + " version = ? where execution_id = ? and id = ?")
        .params(write(position), row.version() + 1, executionId, row.id())
        .update();
    return row.version() + 1;
  }

  void end(UUID executionId, int id, TokenStatus status, String output) {
    jdbc.sql("update token set status = ?, output = ? where execution_id = ? and id = ?")
        .params(status.name(), output, executionId, id)
        .update();
  }

  /**
   * Writes the ends of children of {@code parentId} and its open-children count, in one statement
   * however many children ended.
   */
  void endChildren(UUID executionId, int parentId, List<OpenFork.ChildEnd> ended, int open) {
    int n = ended.size();
    var ids = new Integer[n];
    var statuses = new String[n];
    var outputs = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = ended.get(i).id();
      statuses[i] = ended.get(i).status().name();
      outputs[i] = ended.get(i).output();
    }
    jdbc.sql(
            "with ended as (update token set status = e.status, output = e.output"
                + " from unnest(?::int[], ?::text[], ?::text[]) as e(id, status, output)"
                + " where token.execution_id = ? and token.id = e.id)"
                + " update token set open_children = ? where execution_id = ? and id = ?")
        .params(ids, statuses, outputs, executionId, open, executionId, parentId)
        .update();
  }

  /**
   * Up to {@code limit} active children of {@code parentId} from child index {@code from}
   * (inclusive) to {@code to} (exclusive), in order.
   */
  List<TokenRow> activeChildren(UUID executionId, int parentId, int from, int to, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from token where execution_id = ? and parent_id = ?"
                + " and status = 'ACTIVE' and child_index >= ? and child_index < ?"
                + " order by child_index limit ?")
        .params(executionId, parentId, from, to, limit)
        .query(TokenStore::map)
        .list();
  }

  /** Activates child {@code index} of {@code parentId} if it waits for a slot (MaxConcurrency). */
  Optional<TokenRow> activate(UUID executionId, int parentId, int index) {
    return jdbc.sql(
            "update token set status = 'ACTIVE' where execution_id = ? and parent_id = ?"
                + " and status = 'PENDING' and child_index = ? returning "
                + COLUMNS)
        .params(executionId, parentId, index)
        .query(TokenStore::map)
        .optional();
  }

  int countChildren(UUID executionId, int parentId, TokenStatus status) {
    return jdbc.sql(
            "select count(*) from token where execution_id = ? and parent_id = ? and status = ?")
        .params(executionId, parentId, status.name())
        .query(Integer.class)
        .single();
  }

  /** The children of {@code parentId}, counted by status (statuses none has are left out). */
  Map<TokenStatus, Integer> countChildren(UUID executionId, int parentId) {
    var counts = new EnumMap<TokenStatus, Integer>(TokenStatus.class);
    jdbc.sql(
            "select status, count(*) as n from token where execution_id = ? and parent_id = ?"
                + " group by status")
        .params(executionId, parentId)
        .query(
            rs -> {
              counts.put(TokenStatus.valueOf(rs.getString("status")), rs.getInt("n"));
            });
    return counts;
  }

  /**
   * Gives a token another position in the same phase, keeping its version: the work waiting for it
   * still applies (a fork's plan updated while its children run).
   */
  void rewrite(UUID executionId, int id, Token position) {
    jdbc.sql("update token set position = ? where execution_id = ? and id = ?")
        .params(write(position), executionId, id)
        .update();
  }

  List<Object> childOutputs(UUID executionId, int parentId) {
    return jdbc.sql(
            "select output from token where execution_id = ? and parent_id = ? order by child_index")
        .params(executionId, parentId)
        .query((rs, i) -> rs.getString(1) == null ? null : Json.parseStored(rs.getString(1)))
        .list();
  }

  /**
   * Removes every descendant of {@code parentId} once its fork is over (joined, or failed); returns
   * their ids so their pending work can go too. A late answer for one of them then finds no token
   * and is dropped.
   */
  List<Integer> deleteDescendants(UUID executionId, int parentId) {
    return jdbc.sql(
            "with recursive tree(id) as ("
                + " select id from token where execution_id = ? and parent_id = ?"
                + " union all select t.id from token t join tree on t.parent_id = tree.id"
                + " where t.execution_id = ?)"
                + " delete from token where execution_id = ? and id in (select id from tree)"
                + " returning id")
        .params(executionId, parentId, executionId, executionId)
        .query(Integer.class)
        .list();
  }

  /** Cancels every open token of an execution (stop, timeout). */
  void cancelAll(UUID executionId) {
    jdbc.sql(
            "update token set status = 'CANCELLED' where execution_id = ?"
                + " and status in ('PENDING', 'ACTIVE')")
        .param(executionId)
        .update();
  }

  private static String write(Token token) {
    return token == null ? null : Json.write(token);
  }

  private static TokenRow map(ResultSet rs, int row) throws SQLException {
    return map(rs, "");
  }

  /** The token columns of a row, their labels starting with {@code prefix} (for joins). */
  static TokenRow map(ResultSet rs, String prefix) throws SQLException {
    String position = rs.getString(prefix + "position");
    return new TokenRow(
        rs.getInt(prefix + "id"),
        (Integer) rs.getObject(prefix + "parent_id"),
        (Integer) rs.getObject(prefix + "child_index"),
        TokenStatus.valueOf(rs.getString(prefix + "status")),
        position == null ? null : Json.readStored(position, Token.class),
        rs.getString(prefix + "output"),
        rs.getInt(prefix + "open_children"),
        rs.getInt(prefix + "version"));
  }
}
