package dev.stepwise.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The spans of an execution's work: {@code stepwise.step} for each change to it (a step of its
 * states, in one transaction) and {@code stepwise.task} for each Task request, children of the
 * trace the execution keeps ({@link ExecutionTrace}). They are made only when spans go somewhere (a
 * span exporter is configured, e.g. by {@code
 * management.opentelemetry.tracing.export.otlp.endpoint}): otherwise every step would pay for spans
 * nobody reads. Task requests carry the execution's trace on either way ({@link TaskSpan}).
 */
@Component
public class StepSpans {
  static final String EXECUTION_ID = "stepwise.execution.id";
  static final String STATE_MACHINE = "stepwise.state_machine";
  static final String STATE = "stepwise.state";
  static final String STATES_ENTERED = "stepwise.states.entered";

  /** Null when spans are not made. */
  private final Tracer tracer;

  StepSpans(ObjectProvider<Tracer> tracer, ObjectProvider<SpanExporter> exporters) {
    Tracer available = tracer.getIfAvailable(() -> Tracer.NOOP);
    boolean exported = exporters.stream().findAny().isPresent();
    this.tracer = exported && available != Tracer.NOOP ? available : null;
  }

  /** Whether spans are made (a span exporter is configured). */
  public boolean recording() {
    return tracer != null;
  }

  /** A span open in the current thread until closed. */
  public interface Open extends AutoCloseable {
    Open NONE =
        new Open() {
          @Override
          public void failed(Throwable error) {}

          @Override
          public void entered(List<String> states) {}

          @Override
          public void close() {}
        };

    void failed(Throwable error);

    /** Names the states the step entered (the first is its state, when none was known). */
    void entered(List<String> states);

    @Override
    void close();
  }

  /**
   * Opens the span of a change to an execution that keeps the trace {@code traceParent} (null: a
   * trace of its own); {@code state} is the state it works in, when known.
   */
  public Open step(String traceParent, String executionId, String stateMachine, String state) {
    if (tracer == null) return Open.NONE;
    Span span =
        tagged(under(traceParent), executionId, stateMachine, state).name("stepwise.step").start();
    Tracer.SpanInScope scope = tracer.withSpan(span);
    return new Open() {
      @Override
      public void failed(Throwable error) {
        span.error(error);
      }

      @Override
      public void entered(List<String> states) {
        if (states.isEmpty()) return;
        span.tagOfStrings(STATES_ENTERED, states);
        if (state == null) span.tag(STATE, states.getFirst());
      }

      @Override
      public void close() {
        scope.close();
        span.end();
      }
    };
  }

  /**
   * The span of a Task request of an execution that keeps {@code trace} (null for an execution
   * started before traces were kept: the request then carries none).
   */
  public TaskSpan task(
      ExecutionTrace trace,
      String executionId,
      String stateMachine,
      String state,
      String resource,
      int attempt) {
    var parent = trace == null ? null : TraceParent.parse(trace.traceParent()).orElse(null);
    String traceState = trace == null ? null : trace.traceState();
    if (tracer == null) {
      // No span of its own: the request still continues the execution's trace, as a new span id.
      return new TaskSpan(parent == null ? null : parent.withNewSpanId(), traceState, null);
    }
    Span span =
        tagged(under(trace == null ? null : trace.traceParent()), executionId, stateMachine, state)
            .name("stepwise.task")
            .kind(Span.Kind.CLIENT)
            .tag("stepwise.task.resource", resource)
            .tag("stepwise.task.attempt", attempt)
            .start();
    var context = span.context();
    var sent =
        new TraceParent(
            context.traceId(),
            context.spanId(),
            Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    return new TaskSpan(sent, traceState, span);
  }

  private Span.Builder under(String traceParent) {
    var builder = tracer.spanBuilder();
    var parent = TraceParent.parse(traceParent);
    if (parent.isEmpty()) return builder.setNoParent();
    var p = parent.get();
    return builder.setParent(
        tracer
            .traceContextBuilder()
            .traceId(p.traceId())
            .spanId(p.parentId())
            .sampled(p.sampled())
            .build());
  }

  private static Span.Builder tagged(
      Span.Builder builder, String executionId, String stateMachine, String state) {
    builder.tag(EXECUTION_ID, executionId).tag(STATE_MACHINE, stateMachine);
    return state == null ? builder : builder.tag(STATE, state);
  }
}
