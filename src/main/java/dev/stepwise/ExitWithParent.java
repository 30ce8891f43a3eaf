package dev.stepwise;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With {@code stepwise.exit-with-parent}, stops the service (gracefully, as on SIGTERM) once the
 * process that started it is gone. {@code ./mvnw spring-boot:run} sets it: the plugin runs the
 * application in a JVM of its own, and killing Maven (kill -9, a closed IDE) does not end that JVM,
 * which would keep serving and keep its embedded PostgreSQL running unseen.
 */
public class ExitWithParent implements EnvironmentPostProcessor {
  private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  private static final AtomicBoolean WATCHING = new AtomicBoolean();

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    if (!env.getProperty("stepwise.exit-with-parent", Boolean.class, false)) return;
    var parent = ProcessHandle.current().parent();
    if (parent.isEmpty() || !WATCHING.compareAndSet(false, true)) return;
    Thread.ofPlatform().name("stepwise-parent-watch").daemon().start(() -> watch(parent.get()));
  }

  private static void watch(ProcessHandle parent) {
    // Polled rather than awaited with onExit(): a process that is not our child cannot be waited
    // for, and an orphan is re-parented (its parent id changes) the moment its parent dies.
    while (parent.isAlive() && isParent(parent)) {
      try {
        Thread.sleep(CHECK_EVERY);
      } catch (InterruptedException e) {
        return;
      }
    }
    LoggerFactory.getLogger(ExitWithParent.class)
        .warn("The process that started Stepwise (pid {}) is gone; stopping", parent.pid());
    System.exit(0);
  }

  private static boolean isParent(ProcessHandle parent) {
    return ProcessHandle.current().parent().map(p -> p.pid() == parent.pid()).orElse(false);
  }
}
