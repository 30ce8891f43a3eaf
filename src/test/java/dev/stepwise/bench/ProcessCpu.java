package dev.stepwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used so far, from Linux's {@code /proc/<pid>/stat} (user + system, in
 * clock ticks of 10 ms). Read before and after a workload, the difference is what the workload cost
 * that process; JMX would only see the JVM it runs in, and PostgreSQL is not a JVM.
 */
final class ProcessCpu {
  private static final double MILLIS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

  private ProcessCpu() {}

  /**
   * User + system CPU milliseconds used by {@code pid}, or -1 when unreadable (gone, not Linux).
   */
  static double millis(long pid) {
    return millis(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /**
   * CPU milliseconds of a process's threads so far, by thread name with its numbers taken out
   * ({@code GC Thread#}, {@code C2 CompilerThre}, {@code ForkJoinPool-#-worker-#} — the carriers of
   * virtual threads, which run all the request and work-item code): where the time goes besides the
   * code a profiler samples.
   */
  static java.util.Map<String, Double> byThread(long pid) {
    var groups = new java.util.TreeMap<String, Double>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        double cpu = millis(task.resolve("stat"));
        if (cpu <= 0) continue;
        String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
        groups.merge(name, cpu, Double::sum);
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return groups;
  }

  private static double millis(Path statFile) {
    try {
      String stat = Files.readString(statFile);
      // The command name (field 2) may hold spaces: count fields from after its closing ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      return ticks * MILLIS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
