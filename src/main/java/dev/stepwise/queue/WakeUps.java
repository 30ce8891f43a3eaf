package dev.stepwise.queue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How the claimer waits: on a connection that LISTENs for {@link Claims#CHANNEL}, so that work
 * another node hands over wakes it at once, or, with {@code stepwise.queue.listen=false}, simply
 * for the time given (polling).
 *
 * <p>LISTEN belongs to one server connection. Behind PgBouncer in transaction pooling a pooled
 * connection has none of its own (the server connection goes back to PgBouncer's pool after each
 * transaction, and notifications go with it), so {@code stepwise.queue.listen-url} names a direct
 * connection to the database for it, with the datasource's user and password. Nothing else in
 * Stepwise keeps state on a server connection: every setting is transaction-local.
 */
@Component
class WakeUps {
  private final DataSource dataSource;
  private final QueueProperties properties;
  private final Environment environment;
  private Connection listener;

  WakeUps(DataSource dataSource, QueueProperties properties, Environment environment) {
    this.dataSource = dataSource;
    this.properties = properties;
    this.environment = environment;
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
      listener = open();
      listener.setAutoCommit(true);
      try (Statement statement = listener.createStatement()) {
        statement.execute("listen " + Claims.CHANNEL);
      }
    }
    return listener.unwrap(PGConnection.class);
  }

  private Connection open() throws SQLException {
    String url = properties.listenUrl();
    if (url == null || url.isBlank()) return dataSource.getConnection();
    var info = new Properties();
    putIfSet(info, "user", environment.getProperty("spring.datasource.username"));
    putIfSet(info, "password", environment.getProperty("spring.datasource.password"));
    // As the pool's connections: give up connecting quickly, notice a vanished server.
    info.setProperty("connectTimeout", "2");
    info.setProperty("tcpKeepAlive", "true");
    // So that operators can tell it apart in pg_stat_activity.
    info.setProperty("ApplicationName", "stepwise-listen");
    return DriverManager.getConnection(url, info);
  }

  private static void putIfSet(Properties info, String key, String value) {
    if (value != null && !value.isBlank()) info.setProperty(key, value);
  }
}
