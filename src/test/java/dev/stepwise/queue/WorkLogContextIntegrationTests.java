package dev.stepwise.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.stepwise.support.StepwiseInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A work item that fails is logged with its execution and the state it was in (MDC keys {@code
 * executionId} and {@code stateName}), and reported to the observers: what kind it was, how late it
 * started.
 */
class WorkLogContextIntegrationTests {

  @Test
  void aFailedWorkItemIsLoggedWithItsExecutionAndStateAndReported() {
    try (var stepwise = StepwiseInstance.start()) {
      WorkHandler failing =
          new WorkHandler() {
            @Override
            public String kind() {
              return "LOG_CONTEXT";
            }

            @Override
            public void handle(WorkItem item) {
              LogContext.state("Charge");
              throw new IllegalStateException("on purpose");
            }
          };
      ObjectProvider<List<WorkHandler>> handlers =
          new ObjectProvider<>() {
            @Override
            public List<WorkHandler> getObject() {
              return List.of(failing);
            }
          };
      var published = new CopyOnWriteArrayList<Object>();
      var local =
          new LocalWork(
              stepwise.bean(QueueProperties.class),
              handlers,
              stepwise.bean(Claims.class),
              Clock.systemUTC(),
              published::add);
      var appender = new ListAppender<ILoggingEvent>();
      appender.start();
      var logger = (Logger) LoggerFactory.getLogger(LocalWork.class);
      logger.addAppender(appender);
      try {
        UUID execution = UUID.randomUUID();
        Instant due = Instant.now().minusMillis(250);
        assertThat(local.reserve()).isTrue();
        // Not in the database: giving it back after the failure changes no row.
        local.run(new WorkItem(-1, execution, 0, 0, "LOG_CONTEXT", due, 1, null));

        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> published.stream().anyMatch(WorkItemHandled.class::isInstance));
        var failed =
            appender.list.stream()
                .filter(e -> e.getFormattedMessage().contains("LOG_CONTEXT"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.getMDCPropertyMap())
            .containsEntry(LogContext.EXECUTION_ID, execution.toString())
            .containsEntry(LogContext.STATE_NAME, "Charge");
        var handled =
            published.stream()
                .filter(WorkItemHandled.class::isInstance)
                .map(WorkItemHandled.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(handled.kind()).isEqualTo("LOG_CONTEXT");
        assertThat(handled.delay()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(handled.duration()).isPositive();
      } finally {
        logger.detachAppender(appender);
      }
    }
  }
}
