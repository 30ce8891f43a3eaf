package dev.stepwise.queue;

import dev.stepwise.database.DirectConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * How the claimer waits: on a connection that LISTENs for {@link Claims#CHANNEL}, so that work
 * another node hands over wakes it at once, or, with {@code stepwise.queue.listen=false}, simply
 * for the time given (polling).
 *
 * <p>LISTEN belongs to one server connection: behind PgBouncer it needs a direct one ({@link
 * DirectConnections}). Every setting elsewhere is transaction-local.
 */
@Component
class WakeUps {
  private final DirectConnections connections;
  private final QueueProperties properties;
  private Connection listener;

  WakeUps(DirectConnections connections, QueueProperties properties) {
    this.connections = connections;
    this.properties = properties;
  }

  /** Waits up to {@code wait}, less when a notification arrives. */
  void await(Duration wait) throws SQLException, InterruptedException {
    if (!properties.listen()) {
      Thread.sleep(wait);
      return;
    }
    listener().getNotifications((int) Math.max(1, wait.toMillis()));
  }

  /** Drops the listening connection (after a failure, and on stop); the next wait opens one. */
  void close() {
    if (listener == null) return;
    try {
      listener.close();
    } catch (SQLException ignored) {
      // The connection is being replaced anyway.
    }
    listener = null;
  }

  private PGConnection listener() throws SQLException {
    if (listener == null || listener.isClosed()) {
      listener = connections.open("stepwise-listen");
      listener.setAutoCommit(true);
      try (Statement statement = listener.createStatement()) {
        statement.execute("listen " + Claims.CHANNEL);
      }
    }
    return listener.unwrap(PGConnection.class);
  }
}
