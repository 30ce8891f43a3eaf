package dev.stepwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The JVM of the Helm chart's default pod, read from the chart's default values, so that the
 * benchmark measures the service with the settings it ships with: the container's memory limit
 * (which the JVM takes for the machine's memory: it sizes the heap from it and, below 1,792 MiB,
 * picks the Serial collector), the chart's {@code JAVA_TOOL_OPTIONS} and its malloc arenas.
 */
record ChartPod(int memoryLimitMiB, String javaToolOptions, String mallocArenaMax) {
  static final Path VALUES = Path.of("helm", "stepwise", "values.yaml");

  @SuppressWarnings("unchecked")
  static ChartPod read() {
    Map<String, Object> values;
    try {
      values = new Yaml().load(Files.readString(VALUES));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the chart's values " + VALUES, e);
    }
    var resources = (Map<String, Object>) values.get("resources");
    var limits = (Map<String, Object>) resources.get("limits");
    var jvm = (Map<String, Object>) values.get("jvm");
    Object arenas = jvm.get("mallocArenaMax");
    return new ChartPod(
        mebibytes(String.valueOf(limits.get("memory"))),
        String.valueOf(jvm.getOrDefault("javaToolOptions", "")),
        arenas == null || arenas.toString().isBlank() ? null : arenas.toString());
  }

  /** The options that make a JVM on a bigger machine size itself as in the pod. */
  List<String> jvmOptions() {
    var options = new ArrayList<String>();
    options.add("-XX:MaxRAM=" + memoryLimitMiB + "m");
    // The JVM's own choice in a container this small; MaxRAM alone does not change it.
    if (memoryLimitMiB < 1792) options.add("-XX:+UseSerialGC");
    if (!javaToolOptions.isBlank()) options.addAll(List.of(javaToolOptions.trim().split("\\s+")));
    return options;
  }

  private static int mebibytes(String quantity) {
    if (quantity.endsWith("Mi"))
      return Integer.parseInt(quantity.substring(0, quantity.length() - 2));
    if (quantity.endsWith("Gi")) {
      return 1024 * Integer.parseInt(quantity.substring(0, quantity.length() - 2));
    }
    throw new IllegalArgumentException("unexpected memory limit in the chart: " + quantity);
  }
}
