package dev.stepwise.chaos;

import dev.stepwise.bench.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Stepwise replicas as separate processes from the packaged jar, all on one database. A killed
 * replica is started again on its port after a pause, as a supervisor would; until it is healthy
 * again the load balancer (here: {@link #next()}) leaves it out.
 */
final class Replicas implements AutoCloseable {
  private final Path jar;
  private final String databaseUrl;
  private final List<String> arguments;
  private final Path logs;
  private final Slot[] slots;
  private final AtomicInteger roundRobin = new AtomicInteger();
  private final List<Thread> restarts = new CopyOnWriteArrayList<>();
  private final Consumer<String> notes;

  private static final class Slot {
    final int number;
    final int port;
    volatile ServiceProcess process; // null while down
    volatile boolean paused;
    int incarnation;

    Slot(int number, int port) {
      this.number = number;
      this.port = port;
    }
  }

  Replicas(
      Path jar,
      String databaseUrl,
      List<String> arguments,
      Path logs,
      List<Integer> ports,
      Consumer<String> notes) {
    this.notes = notes;
    this.jar = jar;
    this.databaseUrl = databaseUrl;
    this.arguments = arguments;
    this.logs = logs;
    slots = new Slot[ports.size()];
    for (int i = 0; i < slots.length; i++) slots[i] = new Slot(i + 1, ports.get(i));
    // Whatever happens to the test, no replica outlives it.
    Runtime.getRuntime().addShutdownHook(new Thread(this::killAll));
  }

  int size() {
    return slots.length;
  }

  void startAll() throws Exception {
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var started = new ArrayList<Future<?>>();
      for (Slot slot : slots) {
        started.add(
            pool.submit(
                () -> {
                  start(slot);
                  return null;
                }));
      }
      for (var future : started) future.get();
    }
  }

  /**
   * The base URL of the next replica that is up (paused ones included: nobody told the balancer).
   */
  String next() {
    for (int i = 0; i < slots.length; i++) {
      Slot slot = slots[Math.floorMod(roundRobin.getAndIncrement(), slots.length)];
      ServiceProcess process = slot.process;
      if (process != null) return process.base;
    }
    return null;
  }

  /** Replicas up and not paused. */
  List<Integer> healthy() {
    var up = new ArrayList<Integer>();
    for (Slot slot : slots) if (slot.process != null && !slot.paused) up.add(slot.number);
    return up;
  }

  /** kill -9 of a replica; it starts again on the same port after {@code down}. */
  void killAndRestart(int number, Duration down) throws InterruptedException {
    Slot slot = slots[number - 1];
    ServiceProcess process = slot.process;
    slot.process = null;
    process.kill();
    var restart =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    Thread.sleep(down.toMillis());
                    long from = System.nanoTime();
                    start(slot);
                    notes.accept(
                        "replica-%d healthy again (started in %.1f s)"
                            .formatted(slot.number, (System.nanoTime() - from) / 1e9));
                  } catch (Exception e) {
                    notes.accept(
                        "replica-" + slot.number + " did not come back: " + e.getMessage());
                  }
                });
    restarts.add(restart);
  }

  /**
   * kill -STOP, {@code length}, kill -CONT: a process frozen mid-work (a GC pause, a stalled VM).
   */
  void pause(int number, Duration length) throws Exception {
    Slot slot = slots[number - 1];
    String pid = Long.toString(slot.process.pid());
    slot.paused = true;
    signal("-STOP", pid);
    try {
      Thread.sleep(length.toMillis());
    } finally {
      signal("-CONT", pid);
      slot.paused = false;
    }
  }

  /** Waits for every restart in flight, then checks every replica is up. */
  boolean awaitAllUp(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    for (Thread restart : restarts) {
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0 || !restart.join(Duration.ofMillis(left))) return false;
    }
    return healthy().size() == slots.length;
  }

  private void start(Slot slot) throws Exception {
    int incarnation;
    synchronized (slot) {
      incarnation = ++slot.incarnation;
    }
    String name = "replica-" + slot.number + "-" + incarnation;
    var args = new ArrayList<>(arguments);
    args.add("--stepwise.queue.node-id=" + name);
    slot.process =
        ServiceProcess.start(jar, slot.port, databaseUrl, logs.resolve(name + ".log"), args);
  }

  private static void signal(String signal, String pid) throws Exception {
    int exit = new ProcessBuilder("kill", signal, pid).inheritIO().start().waitFor();
    if (exit != 0)
      throw new IllegalStateException("kill " + signal + " " + pid + " exited " + exit);
  }

  private void killAll() {
    for (Slot slot : slots) {
      ServiceProcess process = slot.process;
      if (process != null) {
        try {
          if (slot.paused) signal("-CONT", Long.toString(process.pid()));
          process.kill();
        } catch (Exception e) {
          // best effort at exit
        }
      }
    }
  }

  @Override
  public void close() throws Exception {
    for (Thread restart : restarts) restart.join(Duration.ofSeconds(120));
    for (Slot slot : slots) {
      ServiceProcess process = slot.process;
      slot.process = null;
      if (process != null) process.close();
    }
  }
}
