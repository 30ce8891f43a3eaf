package dev.stepwise.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTests {

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void anExecutionsScopeCarriesItsStateUntilItCloses() {
    try (var scope = LogContext.execution("e1")) {
      LogContext.state("Charge");
      assertThat(MDC.get(LogContext.EXECUTION_ID)).isEqualTo("e1");
      assertThat(MDC.get(LogContext.STATE_NAME)).isEqualTo("Charge");
      try (var same = LogContext.execution("e1")) {
        LogContext.state("Ship");
      }
      // The same execution's inner scope leaves its state for the outer one's log lines.
      assertThat(MDC.get(LogContext.STATE_NAME)).isEqualTo("Ship");
    }
    assertThat(MDC.get(LogContext.EXECUTION_ID)).isNull();
    assertThat(MDC.get(LogContext.STATE_NAME)).isNull();
  }

  @Test
  void anotherExecutionsScopePutsBackWhatWasThere() {
    try (var outer = LogContext.execution("parent")) {
      LogContext.state("Map");
      try (var inner = LogContext.execution("child")) {
        assertThat(MDC.get(LogContext.EXECUTION_ID)).isEqualTo("child");
        assertThat(MDC.get(LogContext.STATE_NAME)).isNull();
        LogContext.state("Item");
      }
      assertThat(MDC.get(LogContext.EXECUTION_ID)).isEqualTo("parent");
      assertThat(MDC.get(LogContext.STATE_NAME)).isEqualTo("Map");
    }
  }

  @Test
  void aStateOutsideAnyExecutionIsIgnored() {
    LogContext.state("Stray");
    assertThat(MDC.get(LogContext.STATE_NAME)).isNull();
  }
}
