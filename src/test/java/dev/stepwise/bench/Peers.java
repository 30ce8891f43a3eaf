package dev.stepwise.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The peers' own harnesses, run in the same sitting as Stepwise: DBOS Transact ({@code
 * dbos-bench/run.sh d-http3 d-steps10}) and Flowable ({@code flowable-bench/run.sh w1-async}), from
 * the folder given by {@code -Dbench.peers} (default {@code ../shared/peers}). Each prints {@code
 * RESULT} lines; this keeps them, prefixed with the workload, and reads the throughput, the
 * single-execution p50 and the peak RSS out of them. A missing harness is skipped with a note.
 * {@code -Dbench.peers.warmup=N} gives DBOS Transact's harness a warm-up of N workflows instead of
 * its 500, for a sitting where every JVM is measured equally warm (Flowable's harness fixes its
 * own, 1,000, on its command line, where a second value cannot override it).
 */
final class Peers {
  private static final Pattern NUMBER = Pattern.compile("(\\w+)=([0-9]+(?:\\.[0-9]+)?)(?![0-9.])");

  final List<String> lines = new ArrayList<>();

  /** Per workload ({@code d-http3}, ...): figures by the peer's own names. */
  final Map<String, Map<String, Double>> figures = new HashMap<>();

  void run(Path folder) throws Exception {
    script(folder.resolve("dbos-bench/run.sh"), "d-http3", "d-steps10");
    script(folder.resolve("flowable-bench/run.sh"), "w1-async");
  }

  private void script(Path script, String... workloads) throws Exception {
    if (!Files.isExecutable(script)) {
      lines.add("PEER skipped: " + script + " not found");
      return;
    }
    var command = new ArrayList<String>(List.of(script.toString()));
    command.addAll(List.of(workloads));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGUSER", System.getProperty("bench.peers.pguser", "postgres"));
    builder.environment().putIfAbsent("PGPASSWORD", "");
    builder
        .environment()
        .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    builder.environment().put("QUIET_MAX", System.getProperty("bench.peers.quietMax", "30"));
    // Their 300 s default cut Flowable's w1-async short on a loaded 2-core machine.
    builder.environment().put("RUN_TIMEOUT", System.getProperty("bench.peers.runTimeout", "900"));
    String warmUp = System.getProperty("bench.peers.warmup", "");
    if (!warmUp.isBlank() && script.getParent().getFileName().toString().equals("dbos-bench")) {
      builder.environment().put("EXTRA_ARGS", "--warmup=" + Integer.parseInt(warmUp.trim()));
    }
    var process = builder.start();
    String workload = "?";
    try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
      for (String line; (line = out.readLine()) != null; ) {
        System.out.println("  peer| " + line);
        if (line.startsWith("## ")) workload = line.substring(3).trim();
        if (!line.startsWith("RESULT")) continue;
        lines.add("PEER " + workload + " " + line);
        var numbers = figures.computeIfAbsent(workload, w -> new HashMap<>());
        String key = line.substring(7, Math.max(7, line.indexOf(':')));
        var m = NUMBER.matcher(line);
        while (m.find())
          numbers.putIfAbsent(key + "." + m.group(1), Double.parseDouble(m.group(2)));
      }
    }
    lines.add("PEER " + script.getParent().getFileName() + " exit=" + process.waitFor());
  }

  /** A figure of a workload, or NaN when it did not run. */
  double figure(String workload, String name) {
    return figures.getOrDefault(workload, Map.of()).getOrDefault(name, Double.NaN);
  }
}
