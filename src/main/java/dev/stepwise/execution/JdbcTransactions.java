package dev.stepwise.execution;

import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of the execution runtime: plain JDBC ones. The runtime writes through
 * {@code JdbcClient} only, and a JPA transaction would open a Hibernate session for nothing on
 * every step (measured: it showed among the top costs of the HTTP chain benchmark).
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
