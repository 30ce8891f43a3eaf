package dev.stepwise.maprun;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The child executions of a parent that still run: those a stop or a failed map run aborts. */
@Component
class RunningChildren {
  private static final String RUNNING_CHILDREN =
      "select id from execution where parent_execution_id = ? and status = 'RUNNING'";

  private final JdbcClient jdbc;

  RunningChildren(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every running child execution of {@code parent}. */
  List<UUID> of(UUID parent) {
    return jdbc.sql(RUNNING_CHILDREN).param(parent).query(UUID.class).list();
  }

  /** The running child executions that the given tokens of {@code parent} stand for. */
  List<UUID> of(UUID parent, List<Integer> tokenIds) {
    return jdbc.sql(RUNNING_CHILDREN + " and parent_token_id = any(?)")
        .params(parent, tokenIds.toArray(new Integer[0]))
        .query(UUID.class)
        .list();
  }
}
