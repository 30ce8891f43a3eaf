package dev.stepwise.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTests {
  static final String VALUE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void readsAndWritesTheSpecificationsExample() {
    var parent = TraceParent.parse(VALUE).orElseThrow();
    assertThat(parent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(parent.parentId()).isEqualTo("00f067aa0ba902b7");
    assertThat(parent.sampled()).isTrue();
    assertThat(parent.header()).isEqualTo(VALUE);
  }

  @Test
  void aChildKeepsTheTraceAndFlagsWithANewSpanId() {
    var parent = TraceParent.parse(VALUE).orElseThrow();
    var child = parent.withNewSpanId();
    assertThat(child.traceId()).isEqualTo(parent.traceId());
    assertThat(child.flags()).isEqualTo("01");
    assertThat(child.parentId()).hasSize(16).isNotEqualTo(parent.parentId());
    assertThat(TraceParent.parse(child.header())).contains(child);
  }

  @Test
  void ignoresMalformedValues() {
    assertThat(TraceParent.parse(null)).isEmpty();
    assertThat(TraceParent.parse("")).isEmpty();
    // Upper case, all-zero ids, version ff, wrong lengths, trailing data on version 00.
    assertThat(TraceParent.parse(VALUE.toUpperCase())).isEmpty();
    assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
        .isEmpty();
    assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
        .isEmpty();
    assertThat(TraceParent.parse("ff" + VALUE.substring(2))).isEmpty();
    assertThat(TraceParent.parse(VALUE.substring(1))).isEmpty();
    assertThat(TraceParent.parse(VALUE + "-x")).isEmpty();
  }

  @Test
  void readsALaterVersionByItsFirstFields() {
    var later = TraceParent.parse("01" + VALUE.substring(2) + "-what-comes-next").orElseThrow();
    assertThat(later.header()).isEqualTo(VALUE);
  }

  @Test
  void aNewTraceHasValidIdsAndTheAskedSampling() {
    var trace = TraceParent.newTrace(false);
    assertThat(TraceParent.parse(trace.header())).contains(trace);
    assertThat(trace.sampled()).isFalse();
    assertThat(TraceParent.newTrace(true).sampled()).isTrue();
    assertThat(TraceParent.newTrace(true).traceId()).isNotEqualTo(trace.traceId());
  }

  @Test
  void keepsOnlyATraceStateWorthPassingOn() {
    assertThat(ExecutionTrace.validTraceState("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7"))
        .isEqualTo("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
    assertThat(ExecutionTrace.validTraceState("x=" + "a".repeat(600))).isNull();
    assertThat(ExecutionTrace.validTraceState("bad=\u00e9")).isNull();
    assertThat(ExecutionTrace.validTraceState(" ")).isNull();
  }
}
