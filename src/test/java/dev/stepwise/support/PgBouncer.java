package dev.stepwise.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's PgBouncer (package {@code pgbouncer}) as a child process, in transaction pooling in
 * front of one PostgreSQL database, with a few server connections so that the clients really share
 * them. Nothing is installed: {@link #installed()} says whether the binary is there.
 */
public final class PgBouncer implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

  private final Process process;
  private final Path log;
  private final int port;

  private PgBouncer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  public static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** Starts PgBouncer in front of {@code database} on 127.0.0.1:{@code databasePort}. */
  public static PgBouncer start(Path directory, int databasePort, String database, int poolSize) {
    int port = freePort();
    try {
      Files.createDirectories(directory);
      Path ini = directory.resolve("pgbouncer.ini");
      Path users = directory.resolve("userlist.txt");
      Files.writeString(users, "\"postgres\" \"\"\n");
      Files.writeString(
          ini,
          """
          [databases]
          %1$s = host=127.0.0.1 port=%2$d dbname=%1$s
          [pgbouncer]
          listen_addr = 127.0.0.1
          listen_port = %3$d
          unix_socket_dir =
          auth_type = trust
          auth_file = %4$s
          pool_mode = transaction
          default_pool_size = %5$d
          max_client_conn = 500
          ignore_startup_parameters = extra_float_digits
          """
              .formatted(database, databasePort, port, users.toAbsolutePath(), poolSize));
      // PgBouncer will not run as root: it then runs as nobody, who must read its files.
      for (Path path : List.of(ini, users)) {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
      var command = new ArrayList<>(List.of(BINARY.toString()));
      if ("root".equals(System.getProperty("user.name"))) command.addAll(List.of("-u", "nobody"));
      command.add(ini.toAbsolutePath().toString());
      Path log = directory.resolve("pgbouncer.log");
      var process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      var bouncer = new PgBouncer(process, log, port);
      bouncer.awaitListening(Duration.ofSeconds(10));
      return bouncer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** Everything PgBouncer logged so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) throw new AssertionError("pgbouncer exited:\n" + log());
      try (var socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Api.pause(Duration.ofMillis(50));
      }
    }
    throw new AssertionError("pgbouncer did not listen within " + timeout + ":\n" + log());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
