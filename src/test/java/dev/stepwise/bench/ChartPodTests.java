package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark reads the chart's default pod from the chart itself, not from a copy. */
class ChartPodTests {
  @Test
  void theChartsDefaultPodIsA512MiBContainerWithTwoMallocArenas() {
    var pod = ChartPod.read();

    assertThat(pod.memoryLimitMiB()).isEqualTo(512);
    assertThat(pod.mallocArenaMax()).isEqualTo("2");
    assertThat(pod.jvmOptions())
        .startsWith("-XX:MaxRAM=512m", "-XX:+UseSerialGC")
        .contains("-XX:MaxRAMPercentage=75", "-XX:ReservedCodeCacheSize=96M");
  }
}
