package dev.stepwise.bench;

import java.io.File;
import java.io.IOException;
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

/**
 * The service under test, as its own process (so its memory is measured alone, and the chaos test
 * can kill it).
 */
public final class ServiceProcess implements AutoCloseable {
  /**
   * The JVM's memory settings: by default the Helm chart's default pod's ({@link ChartPod}), the
   * service's default settings wherever the machine running the benchmark has more memory; {@code
   * -Dbench.memory=-Xmx1g} measures with a fixed 1 GiB G1 heap instead, and glibc's own arenas.
   * {@code -Dbench.jvmArgs} adds options after these.
   */
  static final String MEMORY_OVERRIDE = System.getProperty("bench.memory", "");

  static final ChartPod POD = ChartPod.read();

  /** How the report names the memory settings. */
  static String memory() {
    if (!MEMORY_OVERRIDE.isBlank()) return MEMORY_OVERRIDE;
    return "the chart's default pod: "
        + String.join(" ", POD.jvmOptions())
        + (POD.mallocArenaMax() == null ? "" : " MALLOC_ARENA_MAX=" + POD.mallocArenaMax());
  }

  private final Process process;
  public final String base;

  private ServiceProcess(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  /**
   * Starts the service; {@code arguments} are extra command-line properties ({@code --name=value}).
   */
  public static ServiceProcess start(
      Path jar, int port, String databaseUrl, Path log, List<String> arguments) throws Exception {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (MEMORY_OVERRIDE.isBlank()) {
      command.addAll(POD.jvmOptions());
    } else {
      command.addAll(List.of(MEMORY_OVERRIDE.trim().split("\\s+")));
    }
    String extra = System.getProperty("bench.jvmArgs", "");
    if (!extra.isBlank()) command.addAll(List.of(extra.trim().split("\\s+")));
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.add("--logging.level.root=WARN");
    if (databaseUrl != null) {
      command.add("--spring.datasource.url=" + databaseUrl);
    } else {
      // A durable embedded cluster (fsync on, as a user's would be), fresh for every run.
      Path data = Path.of("target", "bench-postgres");
      deleteRecursively(data);
      command.add("--stepwise.embedded-postgres.data-directory=" + data.toAbsolutePath());
    }
    command.addAll(arguments);
    var builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (MEMORY_OVERRIDE.isBlank() && POD.mallocArenaMax() != null) {
      builder.environment().put("MALLOC_ARENA_MAX", POD.mallocArenaMax());
    }
    var process = builder.start();
    var service = new ServiceProcess(process, "http://127.0.0.1:" + port);
    try {
      service.awaitHealthy(Duration.ofSeconds(120));
    } catch (RuntimeException | InterruptedException e) {
      process.destroyForcibly(); // never leave a half-started service behind
      throw e;
    }
    return service;
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException {
    var client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) throw new IllegalStateException("the service exited at start");
      try {
        var response =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) return;
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the service did not become healthy in " + timeout);
  }

  /** Peak resident set size of the service, in MiB (Linux: VmHWM). */
  long peakRssMiB() {
    try {
      List<String> lines =
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"));
      for (String line : lines) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return -1;
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) return;
    try (var files = Files.walk(path)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** kill -9: no shutdown hook, no graceful stop. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** The packaged service, or the one {@code -Dbench.jar} names (to compare two builds). */
  public static Path jar() {
    String chosen = System.getProperty("bench.jar", "");
    if (!chosen.isBlank()) return Path.of(chosen);
    File[] jars = new File("target").listFiles((dir, name) -> name.matches("stepwise-.*\\.jar"));
    if (jars == null || jars.length == 0) throw new IllegalStateException("build the jar first");
    return jars[0].toPath();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
  }
}
