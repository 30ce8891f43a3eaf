package dev.stepwise.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedTagTests {

  @Test
  void theFirstValuesKeepTheirOwnAndLaterOnesShareOther() {
    var tag = new BoundedTag(2);

    assertThat(tag.of("a")).isEqualTo("a");
    assertThat(tag.of("b")).isEqualTo("b");
    assertThat(tag.of("c")).isEqualTo(BoundedTag.OTHER);
    assertThat(tag.of("a")).isEqualTo("a");
    assertThat(tag.of("c")).isEqualTo(BoundedTag.OTHER);
    assertThat(tag.of(null)).isEqualTo(BoundedTag.OTHER);
  }

  @Test
  void manyThreadsNeverAdmitMoreThanTheLimit() throws Exception {
    var tag = new BoundedTag(10);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (var threads = Executors.newFixedThreadPool(8)) {
      IntStream.range(0, 1_000).forEach(i -> threads.submit(() -> seen.add(tag.of("sm-" + i))));
    }
    assertThat(seen).contains(BoundedTag.OTHER).hasSize(11);
  }

  @Test
  void lookingUpAdmitsNothing() {
    var tag = new BoundedTag(1);

    assertThat(tag.admitted("a")).isEqualTo(BoundedTag.OTHER);
    assertThat(tag.of("b")).isEqualTo("b");
    assertThat(tag.admitted("b")).isEqualTo("b");
    assertThat(tag.of("a")).isEqualTo(BoundedTag.OTHER);
  }

  @Test
  void aLimitOfZeroTagsEverythingOther() {
    assertThat(new BoundedTag(0).of("a")).isEqualTo(BoundedTag.OTHER);
  }
}
