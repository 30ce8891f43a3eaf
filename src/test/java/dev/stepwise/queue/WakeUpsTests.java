package dev.stepwise.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With {@code stepwise.queue.listen=false} the claimer polls: it waits without any connection. */
class WakeUpsTests {
  @Test
  void withoutListenItWaitsThePollTimeAndOpensNoConnection() throws Exception {
    var properties =
        new QueueProperties(
            "node",
            Duration.ofSeconds(30),
            1,
            1,
            Duration.ofSeconds(1),
            Duration.ZERO,
            false,
            Duration.ZERO);
    // No connections at all: any attempt to open one would fail.
    var wakeUps = new WakeUps(null, properties);

    long started = System.nanoTime();
    wakeUps.await(Duration.ofMillis(50));

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(50));
    wakeUps.close();
  }
}
