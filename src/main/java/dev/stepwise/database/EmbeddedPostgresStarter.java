package dev.stepwise.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With no datasource configured, starts a real PostgreSQL (binaries from Maven Central) and points
 * {@code spring.datasource.*} at it, so a machine with only a JDK can run Stepwise. Its data lives
 * in {@code stepwise.embedded-postgres.data-directory} and survives restarts, unless {@code
 * stepwise.embedded-postgres.ephemeral} asks for a throw-away cluster (the tests do). A configured
 * {@code spring.datasource.url} always wins.
 *
 * <p>The persistent cluster is durable (fsync and synchronous commits on, which the embedded
 * library turns off by default), one Stepwise at a time uses it ({@link DataDirectoryLock}), and it
 * stops only after the application has closed, so that the application's own shutdown (handing back
 * work, closing connections) still has its database.
 */
public class EmbeddedPostgresStarter implements EnvironmentPostProcessor, Ordered {
  private static final Map<String, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

  private final Log log;

  public EmbeddedPostgresStarter(DeferredLogFactory logs) {
    this.log = logs.getLog(EmbeddedPostgresStarter.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) return;
    if (!env.getProperty("stepwise.embedded-postgres.enabled", Boolean.class, true)) return;
    boolean ephemeral =
        env.getProperty("stepwise.embedded-postgres.ephemeral", Boolean.class, false);
    String directory =
        env.getProperty("stepwise.embedded-postgres.data-directory", "data/postgres");
    String key = ephemeral ? "<ephemeral>" : Path.of(directory).toAbsolutePath().toString();
    EmbeddedPostgres postgres = RUNNING.computeIfAbsent(key, k -> start(ephemeral, directory));
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "stepwiseEmbeddedPostgres",
                Map.of(
                    "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "")));
  }

  private EmbeddedPostgres start(boolean ephemeral, String directory) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              // Stopped by Spring Boot's shutdown handlers instead, which run after the
              // application contexts have closed; the library's own JVM hook would race them.
              .setRegisterShutdownHook(false)
              .setServerConfig("max_connections", "200");
      if (ephemeral) {
        builder
            .setCleanDataDirectory(true)
            // A throw-away cluster need not survive a power cut; this keeps the tests fast.
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off");
      } else {
        Path data = Path.of(directory).toAbsolutePath();
        Files.createDirectories(data);
        DataDirectoryLock.acquire(data);
        stopOrphanedServer(data);
        builder
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            // The library starts the server with fsync and synchronous_commit off; a committed
            // execution must survive a power cut, so both are set back to PostgreSQL's default.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
      }
      EmbeddedPostgres postgres = builder.start();
      SpringApplication.getShutdownHandlers().add(() -> close(postgres));
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  /**
   * A service killed without a chance to stop its PostgreSQL (kill -9) leaves the server running on
   * the data directory, and a new one cannot start there. Stop it: this JVM holds the data
   * directory's lock, so no live Stepwise uses that server any more.
   */
  private void stopOrphanedServer(Path data) throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) return;
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
    } catch (RuntimeException e) {
      return;
    }
    var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) return;
    String command = process.get().info().command().orElse("");
    if (!command.contains("postgres")) return;
    log.info(
        "Stopping the PostgreSQL (pid "
            + pid
            + ") that a stopped Stepwise left running on "
            + data);
    process.get().destroy();
    try {
      process.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("An earlier PostgreSQL (pid " + pid + ") still holds " + data, e);
    }
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // The JVM is exiting; nothing else to do.
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
