package dev.stepwise.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.admission.ThrottledException.Reason;
import dev.stepwise.queue.Backlog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The admission decision alone, against backlog readings set by the test. */
class AdmissionTests {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicReference<Backlog.Sample> backlog =
      new AtomicReference<>(new Backlog.Sample(0, Duration.ZERO, 0));

  private Admission admission(int maxConcurrentStarts, long maxBacklog, Duration maxLag) {
    var properties =
        new AdmissionProperties(
            maxConcurrentStarts, Duration.ZERO, maxBacklog, maxLag, Duration.ofMillis(1500));
    return new Admission(properties, backlog::get, registry);
  }

  private double throttled(String reason) {
    return registry.counter("stepwise.admission.throttled", "reason", reason).count();
  }

  @Test
  void aStartWithoutAFreePermitIsRefusedUntilOneIsReleased() {
    var admission = admission(1, 0, Duration.ZERO);
    var first = admission.admit();

    assertThatThrownBy(admission::admit)
        .isInstanceOfSatisfying(
            ThrottledException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.CONCURRENCY);
              assertThat(e.retryAfterSeconds()).isEqualTo(2);
            });
    assertThat(throttled("concurrency")).isEqualTo(1);

    first.close();
    admission.admit().close();
    assertThat(throttled("concurrency")).isEqualTo(1);
  }

  @Test
  void aBacklogOverTheLimitRefusesStartsUntilItShrinks() {
    var admission = admission(4, 10, Duration.ZERO);
    backlog.set(new Backlog.Sample(11, Duration.ofSeconds(30), 256));

    assertThatThrownBy(admission::admit)
        .isInstanceOfSatisfying(
            ThrottledException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BACKLOG))
        .hasMessageContaining("11 due items");
    assertThat(throttled("backlog")).isEqualTo(1);

    backlog.set(new Backlog.Sample(10, Duration.ofSeconds(30), 256));
    admission.admit().close();
  }

  @Test
  void aLagOverTheLimitRefusesStarts() {
    var admission = admission(4, 0, Duration.ofSeconds(5));
    backlog.set(new Backlog.Sample(3, Duration.ofMillis(5_500), 0));

    assertThatThrownBy(admission::admit)
        .isInstanceOfSatisfying(
            ThrottledException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LAG))
        .hasMessageContaining("5.5 s behind");
    assertThat(throttled("lag")).isEqualTo(1);

    backlog.set(new Backlog.Sample(3, Duration.ofMillis(4_900), 0));
    admission.admit().close();
  }

  @Test
  void zeroLimitsRefuseNothing() {
    var admission = admission(0, 0, Duration.ZERO);
    backlog.set(new Backlog.Sample(1_000_000, Duration.ofHours(1), 10_000));

    for (int i = 0; i < 100; i++) admission.admit(); // never closed: no bound to exhaust
    assertThat(registry.find("stepwise.admission.throttled").counters())
        .allSatisfy(c -> assertThat(c.count()).isZero());
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
    assertThat(new ThrottledException(Reason.LAG, Duration.ZERO, "x").retryAfterSeconds())
        .isEqualTo(1);
    assertThat(new ThrottledException(Reason.LAG, Duration.ofMillis(2001), "x").retryAfterSeconds())
        .isEqualTo(3);
    assertThat(new ThrottledException(Reason.LAG, Duration.ofSeconds(2), "x").retryAfterSeconds())
        .isEqualTo(2);
  }
}
