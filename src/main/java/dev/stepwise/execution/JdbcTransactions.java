package dev.stepwise.execution;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of the execution runtime, whose SQL goes through {@code JdbcClient}. They are
 * run by the application's one transaction manager (JPA's, which serves plain JDBC on the same
 * DataSource), so a JPA read such as a state machine's current revision and the runtime's writes
 * share one transaction and one connection, and commit or roll back together. A second, plain
 * JDBC manager was measured against it and saved nothing within the benchmark's noise.
 */
@Component
class JdbcTransactions {
  private final TransactionTemplate template;

  JdbcTransactions(PlatformTransactionManager transactions) {
    this.template = new TransactionTemplate(transactions);
  }

  TransactionTemplate template() {
    return template;
  }
}
