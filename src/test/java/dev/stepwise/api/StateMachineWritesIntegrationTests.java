package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.statemachine.SaveResult;
import dev.stepwise.statemachine.StateMachineView;
import dev.stepwise.statemachine.StateMachines;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The state machine rows and their revisions, written by many callers at once and read back: each
 * write is ordered on the row, and text and names survive as they were given.
 */
class StateMachineWritesIntegrationTests extends VersionsAndAliasesSupport {

  @Test
  void concurrentCreatesOfOneNameCreateItOnce() throws Exception {
    var machines = stepwise.bean(StateMachines.class);
    String name = unique("race");
    JsonNode definition = definition("same");

    var results = together(8, () -> machines.create(name, definition, null).result());

    assertThat(results).containsOnlyOnce(SaveResult.CREATED);
    assertThat(results).filteredOn(r -> r == SaveResult.UNCHANGED).hasSize(7);
    assertThat(machines.get(name).revision()).isEqualTo(1);
  }

  @Test
  void concurrentUpdatesEachMakeTheirOwnRevision() throws Exception {
    var machines = stepwise.bean(StateMachines.class);
    String name = unique("updates");
    machines.create(name, definition("first"), "d");

    var revisions =
        together(
            8,
            () ->
                machines
                    .update(name, definition(Thread.currentThread().getName()), null)
                    .stateMachine()
                    .revision());

    assertThat(revisions).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9);
    StateMachineView current = machines.get(name);
    assertThat(current.revision()).isEqualTo(9);
    assertThat(current.description()).isEqualTo("d");
    assertThat(machines.revision(name, 1).definition()).contains("first");
  }

  @Test
  void aDeletedNameCreatedAgainGoesOnFromItsLastRevision() {
    var machines = stepwise.bean(StateMachines.class);
    String name = unique("again");
    var first = machines.create(name, definition("one"), null).stateMachine();
    machines.update(name, definition("two"), null);
    machines.delete(name);

    var again = machines.create(name, definition("three"), "back");

    assertThat(again.result()).isEqualTo(SaveResult.CREATED);
    assertThat(again.stateMachine().revision()).isEqualTo(3);
    var read = machines.get(name);
    assertThat(read.description()).isEqualTo("back");
    assertThat(read.createdAt()).isEqualTo(machines.revision(name, 1).createdAt());
    assertThat(read.createdAt()).isBeforeOrEqualTo(read.updatedAt());
    assertThat(first.revision()).isEqualTo(1);
  }

  @Test
  void descriptionsKeepEveryCharacterAndPrefixesMatchLiterally() {
    var machines = stepwise.bean(StateMachines.class);
    String base = unique("lit");
    String description = "nul \u0000 and 'quotes' and \u00e9";
    machines.create(base + "_a", definition("x"), description);
    machines.create(base + "xa", definition("x"), null);

    assertThat(machines.get(base + "_a").description()).isEqualTo(description);
    // "_" and "%" are no wildcards in a prefix.
    assertThat(machines.list(null, 10, base + "_").stream().map(StateMachineView::name))
        .containsExactly(base + "_a");
    assertThat(machines.list(null, 10, base + "%")).isEmpty();
    assertThat(machines.list(base + "_a", 10, base))
        .extracting(StateMachineView::name)
        .containsExactly(base + "xa");
  }

  private static JsonNode definition(String result) {
    return Json.mapper().valueToTree(passing(result));
  }

  /** Runs {@code count} calls at once (released together) and returns their results. */
  private static <T> List<T> together(int count, Callable<T> call) throws Exception {
    var start = new CountDownLatch(1);
    var futures = new ArrayList<Future<T>>();
    try (var pool = Executors.newFixedThreadPool(count)) {
      for (int i = 0; i < count; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      var results = new ArrayList<T>();
      for (var future : futures) results.add(future.get());
      return results;
    }
  }
}
