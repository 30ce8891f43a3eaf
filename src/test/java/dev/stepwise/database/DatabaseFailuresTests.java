package dev.stepwise.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is out of reach" (503, retry later) and which do not. */
class DatabaseFailuresTests {

  @Test
  void aPoolTimeoutIsUnavailability() {
    var pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
    assertThat(DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("x", pool)))
        .isTrue();
    assertThat(DatabaseFailures.isUnavailable(new CannotCreateTransactionException("x", pool)))
        .isTrue();
  }

  @Test
  void wrappedConnectionFailuresAreUnavailability() {
    var lost = new SQLException("I/O error", "08006");
    assertThat(
            DatabaseFailures.isUnavailable(
                new TransactionSystemException("x", new RuntimeException(lost))))
        .isTrue();
    var refused = new RuntimeException(new ConnectException("Connection refused"));
    assertThat(DatabaseFailures.isUnavailable(refused)).isTrue();
  }

  @Test
  void aServerShuttingDownIsUnavailability() {
    var shutdown = new SQLException("terminating connection due to administrator command", "57P01");
    assertThat(DatabaseFailures.isUnavailable(new RuntimeException(shutdown))).isTrue();
  }

  @Test
  void aFailedRollbackIsJudgedByTheFailureItHid() {
    var rollback = new TransactionSystemException("JDBC rollback failed");
    rollback.initApplicationException(
        new CannotGetJdbcConnectionException("x", new SQLException("closed", "08003")));
    assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
  }

  @Test
  void otherDatabaseFailuresAreNot() {
    assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("dup")))
        .isFalse();
    assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseFailures.isTransient(new DataIntegrityViolationException("dup"))).isFalse();
  }

  @Test
  void aLockConflictIsTransientButNotAnOutage() {
    var deadlock = new CannotAcquireLockException("deadlock");
    assertThat(DatabaseFailures.isTransient(deadlock)).isTrue();
    assertThat(DatabaseFailures.isUnavailable(deadlock)).isFalse();
  }

  @Test
  void describeGivesTheInnermostMessage() {
    var failure =
        new CannotCreateTransactionException(
            "Could not open JDBC Connection", new ConnectException("Connection refused"));
    assertThat(DatabaseFailures.describe(failure)).isEqualTo("Connection refused");
  }
}
