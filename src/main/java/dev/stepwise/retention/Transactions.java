package dev.stepwise.retention;

import java.sql.Connection;
import java.sql.SQLException;

/** One short transaction on the job's own connection, rolled back when the work throws. */
final class Transactions {
  private Transactions() {}

  /**
   * Runs the work in a transaction, then pauses so that working takes {@code workShare} of the time
   * (1: no pause).
   */
  static void paced(Connection connection, double workShare, Runnable work) throws SQLException {
    long t0 = System.nanoTime();
    run(connection, work);
    long took = System.nanoTime() - t0;
    long pause = (long) (took * (1 / Math.max(0.01, Math.min(1, workShare)) - 1));
    try {
      Thread.sleep(java.time.Duration.ofNanos(pause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The retention run was interrupted", e);
    }
  }

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
