package dev.stepwise.retention;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A state machine's own retention ({@code state_machine.retention_days}; null: the default period).
 * The AWS wire API has no such setting, so its state machines keep the default.
 */
@Component
public class RetentionSettings {
  /** Ten years: far beyond any reason to keep executions, short of forever. */
  static final int MAX_DAYS = 3650;

  private final JdbcClient jdbc;

  RetentionSettings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The state machine's own retention in days (empty inside: the default). */
  public Optional<Integer> days(String stateMachine) {
    var rows =
        jdbc.sql("select retention_days from state_machine where name = ? and deleted_at is null")
            .param(stateMachine)
            .query((rs, i) -> Optional.ofNullable((Integer) rs.getObject(1)))
            .list();
    if (rows.isEmpty()) throw new RetentionTargetNotFound(stateMachine);
    return rows.getFirst();
  }

  /** Sets (or, with null, clears) the state machine's own retention. */
  public void set(String stateMachine, Integer days) {
    if (days != null && (days < 1 || days > MAX_DAYS)) {
      throw new InvalidRetention(
          "'retentionDays' must be from 1 to " + MAX_DAYS + ", or null for the default");
    }
    int updated =
        jdbc.sql(
                "update state_machine set retention_days = ? where name = ? and deleted_at is null")
            .params(days, stateMachine)
            .update();
    if (updated == 0) throw new RetentionTargetNotFound(stateMachine);
  }
}
