package dev.stepwise.retention;

import java.sql.Connection;
import java.sql.SQLException;

/** One short transaction on the job's own connection, rolled back when the work throws. */
final class Transactions {
  private Transactions() {}

  static void run(Connection connection, Runnable work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      work.run();
      connection.commit();
    } catch (RuntimeException | Error e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
