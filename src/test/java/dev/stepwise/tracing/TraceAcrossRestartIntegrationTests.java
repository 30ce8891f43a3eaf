package dev.stepwise.tracing;

import static dev.stepwise.tracing.Traced.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trace is kept with the execution in the database: a Task that runs after the service was
 * closed and started again still continues the caller's trace.
 */
class TraceAcrossRestartIntegrationTests {
  static TestEndpoint endpoint;

  @BeforeAll
  static void startEndpoint() {
    endpoint = new TestEndpoint();
    endpoint.echo("/before");
    endpoint.echo("/after");
  }

  @AfterAll
  static void stopEndpoint() {
    endpoint.close();
  }

  @Test
  void aTaskAfterARestartContinuesTheCallersTrace() {
    TraceParent caller = Traced.callersTrace();
    String id;
    try (var first = StepwiseInstance.start()) {
      first
          .api()
          .createStateMachine(
              "traced-restart",
              """
              {"StartAt": "Before", "States": {
                "Before": {"Type": "Task", "Resource": "%s", "Next": "Sleep"},
                "Sleep": {"Type": "Wait", "Seconds": 3, "Next": "After"},
                "After": {"Type": "Task", "Resource": "%s", "End": true}}}
              """
                  .formatted(endpoint.url("/before"), endpoint.url("/after")));
      id = Traced.startOverRest(first.api(), "traced-restart", caller.header(), "k=v");
      await().atMost(Duration.ofSeconds(20)).until(() -> !endpoint.calls("/before").isEmpty());
    }
    assertThat(endpoint.calls("/after"))
        .as("nothing ran past the Wait before the restart")
        .isEmpty();

    try (var second = StepwiseInstance.start()) {
      var end = second.api().awaitEnd(id, Duration.ofSeconds(30));
      assertThat(end.get("status")).isEqualTo("SUCCEEDED");
    }
    var before = endpoint.calls("/before").getFirst();
    var after = endpoint.calls("/after").getFirst();
    assertThat(received(before).traceId()).isEqualTo(caller.traceId());
    assertThat(received(after).traceId()).isEqualTo(caller.traceId());
    assertThat(received(after).sampled()).isTrue();
    assertThat(after.header("tracestate")).isEqualTo("k=v");
    assertThat(received(after).parentId())
        .isNotEqualTo(received(before).parentId())
        .isNotEqualTo(caller.parentId());
  }
}
