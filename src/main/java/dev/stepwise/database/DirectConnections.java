package dev.stepwise.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Connections that keep state on their server connection: the claimer's LISTEN and the retention
 * job's advisory lock. Behind PgBouncer in transaction pooling a pooled connection has no server
 * connection of its own (it goes back to PgBouncer's pool after each transaction: notifications go
 * with it, and a lock taken on one would be released on another, or never), so {@code
 * stepwise.queue.listen-url} (named for its first user) gives a direct URL of the database, used
 * with the datasource's user and password. Without it they come from the pool.
 */
@Component
public class DirectConnections {
  /** The property naming the direct URL. */
  public static final String URL = "stepwise.queue.listen-url";

  private final DataSource dataSource;
  private final Environment environment;

  public DirectConnections(DataSource dataSource, Environment environment) {
    this.dataSource = dataSource;
    this.environment = environment;
  }

  /** A connection of its own to the database itself, named {@code applicationName} when direct. */
  public Connection open(String applicationName) throws SQLException {
    String url = environment.getProperty(URL);
    if (url == null || url.isBlank()) return dataSource.getConnection();
    var info = new Properties();
    putIfSet(info, "user", environment.getProperty("spring.datasource.username"));
    putIfSet(info, "password", environment.getProperty("spring.datasource.password"));
    // As the pool's connections: give up connecting quickly, notice a vanished server.
    info.setProperty("connectTimeout", "2");
    info.setProperty("tcpKeepAlive", "true");
    // So that operators can tell it apart in pg_stat_activity.
    info.setProperty("ApplicationName", applicationName);
    return DriverManager.getConnection(url, info);
  }

  private static void putIfSet(Properties info, String key, String value) {
    if (value != null && !value.isBlank()) info.setProperty(key, value);
  }
}
