package dev.stepwise.database;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, unreachable, out
 * of connections) from any other: such a failure is worth retrying later, and is answered with 503
 * rather than 500. Spring's translated exceptions and the driver's raw ones are recognised anywhere
 * in the cause chain, since transaction managers and retry templates wrap them in their own.
 */
public final class DatabaseFailures {
  /** How long a client is asked to wait before trying again (Retry-After, seconds). */
  public static final int RETRY_AFTER_SECONDS = 5;

  // SQLSTATE class 08: connection exceptions; 57P01-03: the server is shutting down or starting
  // up; 53300: too many connections.
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  private DatabaseFailures() {}

  /** Whether the database could not be reached (or not used at all) for {@code failure}. */
  public static boolean isUnavailable(Throwable failure) {
    return anyCause(failure, DatabaseFailures::isUnavailableItself);
  }

  /**
   * Whether trying again later may well succeed: the database was out of reach, or a transient
   * fault (a deadlock, a serialization failure, a timeout) persisted through the retries.
   */
  public static boolean isTransient(Throwable failure) {
    return anyCause(
        failure,
        t ->
            isUnavailableItself(t)
                || t instanceof TransientDataAccessException
                || t instanceof SQLTransientException);
  }

  private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (test.test(t)) return true;
      // A failed rollback hides the failure that caused it (a lost connection, typically).
      if (t instanceof TransactionSystemException tx
          && tx.getApplicationException() != null
          && anyCause(tx.getApplicationException(), test)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnavailableItself(Throwable t) {
    if (t instanceof DataAccessResourceFailureException
        || t instanceof CannotCreateTransactionException
        || t instanceof TransientDataAccessResourceException
        || t instanceof RecoverableDataAccessException
        || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException
        || t instanceof ConnectException
        || t instanceof NoRouteToHostException
        || t instanceof SocketTimeoutException
        || t instanceof SocketException) {
      return true;
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
    }
    return false;
  }

  /**
   * The innermost message of a failure, for a one-line log entry (no stack trace: an outage repeats
   * the same one for every attempt).
   */
  public static String describe(Throwable failure) {
    Throwable innermost = failure;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t.getMessage() != null) innermost = t;
    }
    return innermost.getMessage() == null ? "no details" : innermost.getMessage();
  }
}
