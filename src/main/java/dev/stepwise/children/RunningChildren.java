package dev.stepwise.children;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The child executions of a parent that still run and that a token of the parent waits for: those a
 * stop, a failed map run or a Task that gave up waiting aborts. (A child a Task started without
 * waiting for its end names its parent too, but lives on its own.)
 */
@Component
class RunningChildren {
  private static final String RUNNING_CHILDREN =
      "select id, map_index from execution where parent_execution_id = ?"
          + " and parent_token_id is not null and status = 'RUNNING'";

  private final JdbcClient jdbc;

  RunningChildren(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A running child; {@code ofMapRun} for a distributed Map's, else a Task's. */
  record Child(UUID id, boolean ofMapRun) {}

  /** Every running child execution {@code parent} waits for. */
  List<Child> of(UUID parent) {
    return jdbc.sql(RUNNING_CHILDREN).param(parent).query(RunningChildren::map).list();
  }

  /** The running child executions that the given tokens of {@code parent} wait for. */
  List<Child> of(UUID parent, List<Integer> tokenIds) {
    return jdbc.sql(RUNNING_CHILDREN + " and parent_token_id = any(?)")
        .params(parent, tokenIds.toArray(new Integer[0]))
        .query(RunningChildren::map)
        .list();
  }

  private static Child map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Child(rs.getObject("id", UUID.class), rs.getObject("map_index") != null);
  }
}
