package dev.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The fork and join rules, decided from counters alone, for Parallel, inline and distributed Map.
 */
class ForkTests {
  private static Fork fork(
      Fork.Kind kind, int children, int maxConcurrency, Long count, Double percentage) {
    return Fork.of(
        new Fork.Plan(
            kind,
            "M",
            kind == Fork.Kind.DISTRIBUTED_MAP ? "L" : null,
            children,
            maxConcurrency,
            count,
            percentage));
  }

  private static List<String> types(Fork.Decision decision) {
    return decision.events().stream().map(Event::type).toList();
  }

  @Nested
  class Concurrency {
    @Test
    void startsEveryChildWithoutMaxConcurrency() {
      var start = fork(Fork.Kind.PARALLEL, 3, 0, null, null).start();
      assertThat(start.start()).isEqualTo(new Fork.Range(0, 3));
      assertThat(start.next()).isEqualTo(Fork.Next.WAIT);
      assertThat(start.events()).isEmpty();
    }

    @Test
    void startsAtMostMaxConcurrencyAndOneMorePerEnd() {
      var fork = fork(Fork.Kind.MAP, 5, 2, null, null);
      assertThat(fork.start().start()).isEqualTo(new Fork.Range(0, 2));
      assertThat(fork.started()).isEqualTo(2);

      var first = fork.childEnded(1, true, null, null);
      assertThat(first.start()).isEqualTo(new Fork.Range(2, 3));
      assertThat(first.fork().started()).isEqualTo(3);
      assertThat(first.events())
          .containsExactly(
              Event.of("MapIterationSucceeded", "name", "M", "index", 1),
              Event.of("MapIterationStarted", "name", "M", "index", 2));

      var second = first.fork().childEnded(0, true, null, null);
      var third = second.fork().childEnded(2, true, null, null);
      assertThat(second.start()).isEqualTo(new Fork.Range(3, 4));
      assertThat(third.start()).isEqualTo(new Fork.Range(4, 5));
      // Every child has started: the last ends start nothing, and the last of all joins.
      var fourth = third.fork().childEnded(3, true, null, null);
      assertThat(fourth.start().isEmpty()).isTrue();
      assertThat(fourth.next()).isEqualTo(Fork.Next.WAIT);
      var last = fourth.fork().childEnded(4, true, null, null);
      assertThat(last.next()).isEqualTo(Fork.Next.JOIN);
      assertThat(last.fork().succeeded()).isEqualTo(5);
    }

    @Test
    void aMaxConcurrencyAboveTheChildrenStartsThemAll() {
      assertThat(fork(Fork.Kind.MAP, 3, 10, null, null).start().start())
          .isEqualTo(new Fork.Range(0, 3));
    }

    @Test
    void onlyAMapRecordsIterationEvents() {
      var parallel = fork(Fork.Kind.PARALLEL, 2, 0, null, null);
      assertThat(parallel.childStarts(0)).isEmpty();
      assertThat(parallel.childEnded(0, true, null, null).events()).isEmpty();
      assertThat(fork(Fork.Kind.MAP, 2, 0, null, null).childStarts(1))
          .containsExactly(Event.of("MapIterationStarted", "name", "M", "index", 1));
    }
  }

  @Nested
  class Failures {
    @Test
    void aFailedBranchFailsAParallelWithItsError() {
      var failed = fork(Fork.Kind.PARALLEL, 3, 0, null, null).childEnded(1, false, "E", "c");
      assertThat(failed.next()).isEqualTo(Fork.Next.FAIL);
      assertThat(failed.error()).isEqualTo("E");
      assertThat(failed.cause()).isEqualTo("c");
      assertThat(failed.start().isEmpty()).isTrue();
    }

    @Test
    void aFailedIterationFailsAnInlineMapWithoutStartingAnother() {
      var failed = fork(Fork.Kind.MAP, 4, 1, null, null).childEnded(0, false, "E", "c");
      assertThat(failed.next()).isEqualTo(Fork.Next.FAIL);
      assertThat(failed.error()).isEqualTo("E");
      assertThat(types(failed)).containsExactly("MapIterationFailed");
      assertThat(failed.start().isEmpty()).isTrue();
    }

    @Test
    void aDistributedMapToleratesFailuresUpToTheCount() {
      var fork = fork(Fork.Kind.DISTRIBUTED_MAP, 4, 1, 1L, null);
      var tolerated = fork.childEnded(0, false, "E", "c");
      assertThat(tolerated.next()).isEqualTo(Fork.Next.WAIT);
      assertThat(tolerated.start()).isEqualTo(new Fork.Range(1, 2));
      assertThat(tolerated.events()).isEmpty();

      var beyond = tolerated.fork().childEnded(1, false, "E", "c");
      assertThat(beyond.next()).isEqualTo(Fork.Next.FAIL);
      assertThat(beyond.error()).isEqualTo(Fork.EXCEEDED);
      assertThat(beyond.cause()).contains("2 of 4");
      assertThat(beyond.events())
          .containsExactly(new Event("MapRunFailed", Map.of("error", Fork.EXCEEDED)));
      assertThat(beyond.start().isEmpty()).isTrue();
    }

    @Test
    void aDistributedMapWithToleratedFailuresJoinsAsARunSucceeded() {
      var fork = fork(Fork.Kind.DISTRIBUTED_MAP, 2, 0, null, 50.0);
      var first = fork.childEnded(0, false, "E", "c");
      var last = first.fork().childEnded(1, true, null, null);
      assertThat(last.next()).isEqualTo(Fork.Next.JOIN);
      assertThat(types(last)).containsExactly("MapRunSucceeded");
      assertThat(last.fork().failed()).isEqualTo(1);
      assertThat(last.fork().succeeded()).isEqualTo(1);
    }

    @Test
    void withoutAToleranceAnyFailureFailsADistributedMap() {
      var failed =
          fork(Fork.Kind.DISTRIBUTED_MAP, 10, 0, null, null).childEnded(3, false, "E", "c");
      assertThat(failed.next()).isEqualTo(Fork.Next.FAIL);
      assertThat(failed.error()).isEqualTo(Fork.EXCEEDED);
    }

    @Test
    void thePercentageIsOfAllChildrenAndBothThresholdsApply() {
      var plan = new Fork.Plan(Fork.Kind.DISTRIBUTED_MAP, "M", "L", 4, 0, 3L, 25.0);
      assertThat(plan.exceeded(1)).isFalse();
      assertThat(plan.exceeded(2)).isTrue();
      var inline = new Fork.Plan(Fork.Kind.MAP, "M", null, 4, 0, 3L, null);
      assertThat(inline.exceeded(1)).isTrue();
    }
  }

  @Test
  void aDistributedMapStartsWithARunStartedEvent() {
    var start = fork(Fork.Kind.DISTRIBUTED_MAP, 7, 3, null, null).start();
    assertThat(start.events())
        .containsExactly(
            Event.of("MapRunStarted", "name", "M", "label", "L", "length", 7, "maxConcurrency", 3));
    assertThat(start.start()).isEqualTo(new Fork.Range(0, 3));
  }

  @Test
  void theCountersResumeFromWhatTheRuntimeStored() {
    // 10 children, 3 at once, 4 still open: 6 ended, 3 running, 1 waiting for a slot.
    var fork = new Fork(new Fork.Plan(Fork.Kind.MAP, "M", null, 10, 3, null, null), 4, 0);
    assertThat(fork.started()).isEqualTo(9);
    assertThat(fork.childEnded(7, true, null, null).start()).isEqualTo(new Fork.Range(9, 10));
  }

  /** A distributed Map's plan updated while it runs (UpdateMapRun). */
  @Nested
  class Updates {
    private Fork running(int children, int maxConcurrency, Long count) {
      return fork(Fork.Kind.DISTRIBUTED_MAP, children, maxConcurrency, count, null);
    }

    @Test
    void aHigherConcurrencyStartsTheWaitingChildrenThatNowHaveASlot() {
      var fork = running(5, 1, null);
      var raised = fork.update(fork.plan().with(3, null, null));
      assertThat(raised.start()).isEqualTo(new Fork.Range(1, 3));
      assertThat(raised.next()).isEqualTo(Fork.Next.WAIT);
      assertThat(raised.events()).isEmpty();
      assertThat(raised.fork().started()).isEqualTo(3);
      assertThat(raised.fork().plan().maxConcurrency()).isEqualTo(3);
      // Each end now frees a slot at the new concurrency.
      var ended = raised.fork().childEnded(0, true, null, null);
      assertThat(ended.start()).isEqualTo(new Fork.Range(3, 4));
    }

    @Test
    void noLimitStartsEveryChildLeft() {
      var fork = running(4, 1, null);
      var unlimited = fork.update(fork.plan().with(0, null, null));
      assertThat(unlimited.start()).isEqualTo(new Fork.Range(1, 4));
      assertThat(unlimited.fork().started()).isEqualTo(4);
    }

    @Test
    void aLowerConcurrencyLetsTheRunningChildrenFinishBeforeAnotherStarts() {
      var fork = running(6, 3, null);
      var lowered = fork.update(fork.plan().with(1, null, null));
      assertThat(lowered.start().isEmpty()).isTrue();
      assertThat(lowered.fork().started()).isEqualTo(3);
      // Three run, one may: the first two ends start nothing, the third starts the next child.
      var first = lowered.fork().childEnded(0, true, null, null);
      assertThat(first.start().isEmpty()).isTrue();
      var second = first.fork().childEnded(1, true, null, null);
      assertThat(second.start().isEmpty()).isTrue();
      var third = second.fork().childEnded(2, true, null, null);
      assertThat(third.start()).isEqualTo(new Fork.Range(3, 4));
      var fourth = third.fork().childEnded(3, true, null, null);
      assertThat(fourth.start()).isEqualTo(new Fork.Range(4, 5));
    }

    @Test
    void settingsLeftOutStay() {
      var plan = new Fork.Plan(Fork.Kind.DISTRIBUTED_MAP, "M", "L", 4, 2, 1L, 50.0);
      assertThat(plan.with(null, null, null)).isEqualTo(plan);
      assertThat(plan.with(null, 3L, null))
          .isEqualTo(new Fork.Plan(Fork.Kind.DISTRIBUTED_MAP, "M", "L", 4, 2, 3L, 50.0));
    }

    @Test
    void aRaisedToleranceLetsTheNextFailurePass() {
      var fork = running(3, 1, null);
      var tolerant = fork.update(fork.plan().with(null, 1L, null)).fork();
      var failed = tolerant.childEnded(0, false, "E", "c");
      assertThat(failed.next()).isEqualTo(Fork.Next.WAIT);
      assertThat(failed.start()).isEqualTo(new Fork.Range(1, 2));
    }

    @Test
    void failuresBeyondALoweredToleranceFailTheMapAtOnce() {
      var fork = running(4, 1, 2L);
      var tolerated = fork.childEnded(0, false, "E", "c").fork();
      var lowered = tolerated.update(tolerated.plan().with(null, 0L, null));
      assertThat(lowered.next()).isEqualTo(Fork.Next.FAIL);
      assertThat(lowered.error()).isEqualTo(Fork.EXCEEDED);
      assertThat(lowered.cause()).contains("1 of 4");
      assertThat(lowered.events())
          .containsExactly(new Event("MapRunFailed", Map.of("error", Fork.EXCEEDED)));
      assertThat(lowered.start().isEmpty()).isTrue();
      // A tolerance the failures stay within changes nothing but the plan.
      var kept = tolerated.update(tolerated.plan().with(null, 1L, null));
      assertThat(kept.next()).isEqualTo(Fork.Next.WAIT);
      assertThat(kept.start().isEmpty()).isTrue();
    }

    @Test
    void onlyADistributedMapIsUpdated() {
      var inline = fork(Fork.Kind.MAP, 3, 1, null, null);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> inline.update(inline.plan()))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
