package dev.stepwise.execution;

import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of the execution runtime: plain JDBC ones. The runtime writes through {@code
 * JdbcClient} only, and a JPA transaction opens a Hibernate session for nothing on every step.
 * Measured again with JPA's manager for everything: the pass10 benchmark ran 7-48% fewer executions
 * per second in every alternating before/after pair, so JPA keeps its own manager (for {@code
 * statemachine}'s writes) and what a start reads of a state machine is plain SQL, which runs in
 * this transaction.
 */
@Component
class JdbcTransactions {
  private final TransactionTemplate template;

  JdbcTransactions(DataSource dataSource) {
    this.template = new TransactionTemplate(new JdbcTransactionManager(dataSource));
  }

  TransactionTemplate template() {
    return template;
  }
}
