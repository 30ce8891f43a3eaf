package dev.stepwise.support;

import dev.stepwise.StepwiseApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Stepwise as a process of its own, started from the test class path: for what only a real process
 * shows (signals, kill -9, a second process on the same data directory). Its output goes to a log
 * file the test can read.
 */
public final class StepwiseProcess implements AutoCloseable {
  private static final Pattern TROUBLE = Pattern.compile("(?m)\\bERROR\\b|^\\s+at |Exception");

  private static final List<String> DEFAULT_JVM_OPTIONS =
      List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final Process process;
  private final Path log;
  private final Api api;

  private StepwiseProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.api = new Api("http://127.0.0.1:" + port);
  }

  /** Starts the service with {@code arguments} (Spring properties as {@code --name=value}). */
  public static StepwiseProcess start(Path log, String... arguments) {
    return start(log, List.of(), arguments);
  }

  /** Starts the service behind {@code launcher} (e.g. {@code sh -c}), which gets the command. */
  public static StepwiseProcess start(Path log, List<String> launcher, String... arguments) {
    return start(log, launcher, DEFAULT_JVM_OPTIONS, arguments);
  }

  /** Starts the service with its own JVM options (a small heap, for instance). */
  public static StepwiseProcess start(
      Path log, List<String> launcher, List<String> jvmOptions, String... arguments) {
    return start(log, launcher, jvmOptions, Map.of(), arguments);
  }

  /**
   * Starts the service with environment variables of its own on top of the test's, configured as a
   * container is (e.g. as the Helm chart renders it).
   */
  public static StepwiseProcess start(
      Path log, Map<String, String> environment, String... arguments) {
    return start(log, List.of(), DEFAULT_JVM_OPTIONS, environment, arguments);
  }

  private static StepwiseProcess start(
      Path log,
      List<String> launcher,
      List<String> jvmOptions,
      Map<String, String> environment,
      String... arguments) {
    int port = freePort();
    var command = new ArrayList<>(launcher);
    var java = new ArrayList<String>();
    java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    java.addAll(jvmOptions);
    java.addAll(List.of("-cp", System.getProperty("java.class.path")));
    java.add(StepwiseApplication.class.getName());
    java.add("--server.port=" + port);
    java.add("--spring.main.banner-mode=off");
    java.addAll(List.of(arguments));
    if (launcher.isEmpty()) {
      command.addAll(java);
    } else {
      command.add(String.join(" ", java.stream().map(StepwiseProcess::quote).toList()));
    }
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      var builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      var process = builder.start();
      return new StepwiseProcess(process, log, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the service answers its health check; fails if it exits first. */
  public StepwiseProcess awaitHealthy(Duration timeout) {
    var client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the service exited at start:\n" + log());
      }
      try {
        var response =
            client.send(
                HttpRequest.newBuilder(URI.create(api.base() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) return this;
      } catch (IOException e) {
        // not up yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Api.pause(Duration.ofMillis(200));
    }
    throw new AssertionError("the service was not healthy within " + timeout + ":\n" + log());
  }

  public Api api() {
    return api;
  }

  public boolean isAlive() {
    return process.isAlive();
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

  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** SIGTERM, as Kubernetes and Ctrl-C stop a service. */
  public void terminate() {
    process.destroy();
  }

  /** SIGKILL: the service gets no chance to stop anything. */
  public void kill() {
    process.destroyForcibly();
  }

  /** Waits for the process to exit; true when it did within {@code timeout}. */
  public boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public int exitValue() {
    return process.exitValue();
  }

  /** Everything the process has written so far. */
  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log's lines that tell of an error: ERROR lines, exceptions, stack frames. */
  public List<String> troubleInLog() {
    return log().lines().filter(line -> TROUBLE.matcher(line).find()).toList();
  }

  @Override
  public void close() {
    if (!process.isAlive()) return;
    process.destroy();
    if (!awaitExit(Duration.ofSeconds(40))) process.destroyForcibly();
    awaitExit(Duration.ofSeconds(10));
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
