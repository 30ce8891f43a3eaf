package dev.stepwise.tracing;

import static dev.stepwise.tracing.Traced.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stepwise.support.Api;
import dev.stepwise.support.Sfn;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/**
 * In the default configuration (no exporter, no tracing property set), a caller's W3C trace
 * context, sent with the start over REST or the AWS wire API, reaches every Task request of the
 * execution and of its child executions: same trace id, a span id of Stepwise's own.
 */
class TracePropagationIntegrationTests {
  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;
  static Api api;
  static final AtomicReference<String> wireHeader = new AtomicReference<>();
  static SfnClient sfn;

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    for (String path : List.of("/one", "/two", "/item", "/started", "/wire", "/sync")) {
      endpoint.echo(path);
    }
    stepwise = StepwiseInstance.start();
    api = stepwise.api();
    api.createStateMachine(
        "traced-two",
        """
        {"StartAt": "One", "States": {
          "One": {"Type": "Task", "Resource": "%s", "Next": "Two"},
          "Two": {"Type": "Task", "Resource": "%s", "End": true}}}
        """
            .formatted(endpoint.url("/one"), endpoint.url("/two")));
    api.createStateMachine(
        "traced-map",
        """
        {"StartAt": "Seed", "States": {
          "Seed": {"Type": "Pass", "Result": [1, 2, 3], "Next": "M"},
          "M": {"Type": "Map", "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", "End": true}}}}}}
        """
            .formatted(endpoint.url("/item")));
    api.createStateMachine(
        "traced-started",
        """
        {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", "End": true}}}
        """
            .formatted(endpoint.url("/started")));
    api.createStateMachine(
        "traced-starter",
        """
        {"StartAt": "Start", "States": {"Start": {"Type": "Task",
          "Resource": "arn:aws:states:::states:startExecution.sync:2",
          "Parameters": {"StateMachineArn": "%straced-started", "Input": {}}, "End": true}}}
        """
            .formatted(Sfn.PREFIX + "stateMachine:"));
    sfn = Traced.wireClient(api.base(), wireHeader);
    String task =
        "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"%s\",\"End\":true}}}";
    sfn.createStateMachine(
        b ->
            b.name("traced-wire")
                .definition(task.formatted(endpoint.url("/wire")))
                .roleArn(Sfn.ROLE)
                .type(StateMachineType.STANDARD));
    sfn.createStateMachine(
        b ->
            b.name("traced-sync")
                .definition(task.formatted(endpoint.url("/sync")))
                .roleArn(Sfn.ROLE)
                .type(StateMachineType.EXPRESS));
  }

  @AfterAll
  static void stop() {
    sfn.close();
    stepwise.close();
    endpoint.close();
  }

  @Test
  void noSpansAreMadeWithoutAnExporter() {
    assertThat(stepwise.bean(StepSpans.class).recording()).isFalse();
    // Not even the HTTP server's span of each request: the only tracer is the one that does
    // nothing.
    assertThat(stepwise.bean(Tracer.class)).isSameAs(Tracer.NOOP);
  }

  @Test
  void everyTaskOfARestStartContinuesTheCallersTrace() {
    TraceParent caller = Traced.callersTrace();
    String state = "congo=t61rcWkgMzE";
    String id = Traced.startOverRest(api, "traced-two", caller.header(), state);
    assertThat(api.awaitEnd(id, Duration.ofSeconds(30)).get("status")).isEqualTo("SUCCEEDED");

    var calls = callsOf(id, "/one", "/two");
    for (var call : calls) {
      TraceParent got = received(call);
      assertThat(got.traceId()).isEqualTo(caller.traceId());
      assertThat(got.parentId()).isNotEqualTo(caller.parentId());
      assertThat(got.sampled()).isTrue();
      assertThat(call.header("tracestate")).isEqualTo(state);
    }
    // Each request is a span of its own in the trace.
    assertThat(received(calls.get(0)).parentId()).isNotEqualTo(received(calls.get(1)).parentId());
  }

  @Test
  void aCallersDecisionNotToSampleGoesOnToo() {
    TraceParent caller = TraceParent.newTrace(false);
    String id = Traced.startOverRest(api, "traced-two", caller.header(), null);
    api.awaitEnd(id, Duration.ofSeconds(30));
    for (var call : callsOf(id, "/one", "/two")) {
      assertThat(received(call).traceId()).isEqualTo(caller.traceId());
      assertThat(received(call).sampled()).isFalse();
      assertThat(call.header("tracestate")).isNull();
    }
  }

  @Test
  void anExecutionStartedWithoutATraceHasOneOfItsOwn() {
    String first = Traced.startOverRest(api, "traced-two", null, null);
    String second = Traced.startOverRest(api, "traced-two", null, null);
    api.awaitEnd(first, Duration.ofSeconds(30));
    api.awaitEnd(second, Duration.ofSeconds(30));
    var firstCalls = callsOf(first, "/one", "/two");
    var secondCalls = callsOf(second, "/one", "/two");
    // One trace per execution, the same for all of its requests.
    assertThat(received(firstCalls.get(0)).traceId())
        .isEqualTo(received(firstCalls.get(1)).traceId());
    assertThat(received(secondCalls.get(0)).traceId())
        .isEqualTo(received(secondCalls.get(1)).traceId())
        .isNotEqualTo(received(firstCalls.get(0)).traceId());
  }

  @Test
  void aMalformedTraceparentIsIgnoredAndTheExecutionGetsATraceOfItsOwn() {
    String garbage = "00-NOT-A-TRACE-01";
    String id = Traced.startOverRest(api, "traced-two", garbage, "k=v");
    assertThat(api.awaitEnd(id, Duration.ofSeconds(30)).get("status")).isEqualTo("SUCCEEDED");
    var calls = callsOf(id, "/one", "/two");
    assertThat(received(calls.get(0)).traceId()).isEqualTo(received(calls.get(1)).traceId());
    assertThat(calls.get(0).header("traceparent")).doesNotContain("NOT");
    // A tracestate goes with a valid traceparent only, as the specification says.
    assertThat(calls.get(0).header("tracestate")).isNull();
  }

  @Test
  void aDistributedMapsChildrenInheritTheTrace() {
    TraceParent caller = Traced.callersTrace();
    String id = Traced.startOverRest(api, "traced-map", caller.header(), null);
    assertThat(api.awaitEnd(id, Duration.ofSeconds(60)).get("status")).isEqualTo("SUCCEEDED");
    // The children's requests name the children's executions, not the parent's.
    var children =
        endpoint.calls("/item").stream().filter(c -> traceOf(c).equals(caller.traceId()));
    assertThat(children).hasSize(3);
  }

  @Test
  void anExecutionAStartExecutionTaskStartsInheritsTheTrace() {
    TraceParent caller = Traced.callersTrace();
    String id = Traced.startOverRest(api, "traced-starter", caller.header(), null);
    assertThat(api.awaitEnd(id, Duration.ofSeconds(60)).get("status")).isEqualTo("SUCCEEDED");
    assertThat(endpoint.calls("/started").stream().filter(c -> traceOf(c).equals(caller.traceId())))
        .hasSize(1);
  }

  @Test
  void aWireStartExecutionContinuesTheCallersTrace() {
    TraceParent caller = Traced.callersTrace();
    wireHeader.set(caller.header());
    try {
      sfn.startExecution(b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:traced-wire"));
    } finally {
      wireHeader.set(null);
    }
    // The only execution of its state machine: the only call to its path.
    await().atMost(Duration.ofSeconds(30)).until(() -> !endpoint.calls("/wire").isEmpty());
    var call = endpoint.calls("/wire").getFirst();
    assertThat(received(call).traceId()).isEqualTo(caller.traceId());
    assertThat(received(call).parentId()).isNotEqualTo(caller.parentId());
  }

  @Test
  void aWireStartSyncExecutionContinuesTheCallersTrace() {
    TraceParent caller = Traced.callersTrace();
    wireHeader.set(caller.header());
    try {
      var answer =
          sfn.startSyncExecution(b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:traced-sync"));
      assertThat(answer.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    } finally {
      wireHeader.set(null);
    }
    assertThat(endpoint.calls("/sync")).hasSize(1);
    assertThat(received(endpoint.calls("/sync").getFirst()).traceId()).isEqualTo(caller.traceId());
  }

  private static List<TestEndpoint.Call> callsOf(String executionId, String... paths) {
    return List.of(paths).stream()
        .map(
            path ->
                endpoint.calls(path).stream()
                    .filter(c -> executionId.equals(c.header("Stepwise-Execution-Id")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no call to " + path)))
        .toList();
  }

  private static String traceOf(TestEndpoint.Call call) {
    var value = TraceParent.parse(call.header("traceparent"));
    return value.map(TraceParent::traceId).orElse("");
  }
}
