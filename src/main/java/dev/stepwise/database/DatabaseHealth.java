package dev.stepwise.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health check (part of readiness), which never makes a health request wait on the
 * database: a background thread checks the database every second on a connection of its own (not
 * one of the pool's, so a busy pool does not look like an outage, and an outage does not hold a
 * health request for the pool's connection timeout), and a request reports the latest result. A
 * check that has not succeeded for {@link #STALE_AFTER} counts as DOWN even while it is still
 * hanging (an unreachable host). The bean's name replaces Spring Boot's own {@code db} indicator,
 * which runs its query in the request.
 */
@Component("dbHealthIndicator")
public class DatabaseHealth implements HealthIndicator, SmartLifecycle {
  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final Duration STALE_AFTER = Duration.ofMillis(2_500);
  private static final int TIMEOUT_SECONDS = 1;

  /** Starts before the web server and the queue, stops after them. */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 8192;

  private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

  /** The latest check: when it ended (System.nanoTime) and whether the database answered. */
  private record Check(long at, boolean up) {}

  private final DataSource dataSource;
  private volatile Check last;
  private ScheduledExecutorService scheduler;
  private Connection connection;

  DatabaseHealth(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Health health() {
    Check check = last;
    var health = Health.status(Status.UP).withDetail("database", "PostgreSQL");
    if (check == null) return health.status(Status.UNKNOWN).build();
    if (!check.up())
      return health.down().withDetail("error", "the database is unreachable").build();
    if (System.nanoTime() - check.at() > STALE_AFTER.toNanos()) {
      return health.down().withDetail("error", "the database has not answered for a while").build();
    }
    return health.build();
  }

  /** One check; runs on the background thread only. */
  void check() {
    boolean wasUp = last == null || last.up();
    try {
      if (!connection().isValid(TIMEOUT_SECONDS)) {
        throw new SQLException("the connection is no longer valid");
      }
      if (!wasUp) log.info("The database is reachable again");
      last = new Check(System.nanoTime(), true);
    } catch (SQLException | RuntimeException e) {
      if (wasUp) log.warn("The database is unreachable: {}", DatabaseFailures.describe(e));
      last = new Check(System.nanoTime(), false);
      closeConnection();
    }
  }

  /**
   * The check's own connection, opened like the pool's but with short connect and socket timeouts
   * (this connection runs nothing but the check, so the socket timeout cannot cut a long statement
   * short).
   */
  private Connection connection() throws SQLException {
    if (connection != null) return connection;
    if (dataSource.isWrapperFor(HikariDataSource.class)) {
      HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
      var properties = new Properties();
      properties.putAll(hikari.getDataSourceProperties());
      if (hikari.getUsername() != null) properties.setProperty("user", hikari.getUsername());
      if (hikari.getPassword() != null) properties.setProperty("password", hikari.getPassword());
      properties.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
      properties.setProperty("loginTimeout", Integer.toString(2 * TIMEOUT_SECONDS));
      properties.setProperty("socketTimeout", Integer.toString(2 * TIMEOUT_SECONDS));
      properties.setProperty("ApplicationName", "stepwise health check");
      connection = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
    } else {
      connection = dataSource.getConnection();
    }
    return connection;
  }

  private void closeConnection() {
    if (connection == null) return;
    try {
      connection.close();
    } catch (SQLException ignored) {
      // It is broken anyway; the next check opens a new one.
    }
    connection = null;
  }

  /** Checks once before the web server takes requests, then every {@link #INTERVAL}. */
  @Override
  public void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("stepwise-db-health").daemon().unstarted(r));
    try {
      scheduler.submit(this::check).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Reported by the checks themselves.
    }
    scheduler.scheduleWithFixedDelay(
        this::check, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  @Override
  public void stop() {
    if (scheduler == null) return;
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeConnection();
    scheduler = null;
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
