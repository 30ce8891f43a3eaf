package dev.stepwise.support;

import dev.stepwise.StepwiseApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stepwise as a process of its own, started from the test JVM's class path with its own JVM
 * options (a small heap, for instance) and its own throw-away embedded PostgreSQL. Its output goes
 * to a log file the test can read.
 */
public final class StepwiseProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final Api api;

  private StepwiseProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.api = new Api("http://127.0.0.1:" + port);
  }

  /** Starts the service with {@code jvmOptions} and {@code --name=value} arguments. */
  public static StepwiseProcess start(List<String> jvmOptions, List<String> arguments)
      throws IOException, InterruptedException {
    int port = freePort();
    Path log = Files.createTempFile("stepwise-process", ".log");
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StepwiseApplication.class.getName());
    command.add("--server.port=" + port);
    command.add("--stepwise.embedded-postgres.ephemeral=true");
    command.add("--spring.main.banner-mode=off");
    command.addAll(arguments);
    var process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    var service = new StepwiseProcess(process, log, port);
    try {
      service.awaitHealthy(Duration.ofSeconds(120));
    } catch (RuntimeException | InterruptedException e) {
      service.close();
      throw e;
    }
    return service;
  }

  public Api api() {
    return api;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the process wrote so far. */
  public String log() throws IOException {
    return Files.readString(log);
  }

  /** The status code of {@code GET path}, or -1 when nothing answers. */
  public int status(String path) throws InterruptedException {
    try (var client = HttpClient.newHttpClient()) {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(api.base() + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) throw new IllegalStateException("the service exited:\n" + log());
      if (status("/actuator/health") == 200) return;
      Thread.sleep(250);
    }
    throw new IllegalStateException("the service was not healthy within " + timeout);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
