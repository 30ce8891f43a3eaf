package dev.stepwise.chaos;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;

/**
 * The chaos test's own PostgreSQL: durable (fsync and synchronous commit on), on one port and one
 * data directory for the whole run, so it can be stopped and started again under the replicas' feet
 * as a database server restart would be.
 */
final class ChaosPostgres implements AutoCloseable {
  private final Path data;
  private final Path log;
  private final int port;
  private EmbeddedPostgres server;

  ChaosPostgres(Path data, Path log, int port) throws IOException {
    this.data = data.toAbsolutePath();
    this.log = log.toAbsolutePath();
    this.port = port;
    deleteRecursively(this.data);
    Files.deleteIfExists(this.log);
    server = start();
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  /** Stops the server (fast shutdown: clients are cut off), waits, and starts it again. */
  Duration restart(Duration down) throws Exception {
    long from = System.nanoTime();
    server.close();
    Thread.sleep(down.toMillis());
    server = start();
    return Duration.ofNanos(System.nanoTime() - from);
  }

  /** What the server says about durability, e.g. "fsync=on synchronous_commit=on". */
  String durability() throws SQLException {
    try (var connection = server.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      StringBuilder text = new StringBuilder();
      for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
        try (var rows = statement.executeQuery("SHOW " + setting)) {
          rows.next();
          text.append(text.isEmpty() ? "" : " ")
              .append(setting)
              .append('=')
              .append(rows.getString(1));
        }
      }
      return text.toString();
    }
  }

  private EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        // The embedded defaults trade durability for speed (-F, synchronous_commit=off); a
        // restart test needs the settings a real server runs with.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("max_connections", "300")
        .setPGStartupWait(Duration.ofSeconds(60))
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) return;
    try (var files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
