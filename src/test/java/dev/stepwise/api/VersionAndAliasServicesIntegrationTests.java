package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.statemachine.AliasNotFound;
import dev.stepwise.statemachine.Route;
import dev.stepwise.statemachine.SaveResult;
import dev.stepwise.statemachine.StateMachineAliases;
import dev.stepwise.statemachine.StateMachineConflict;
import dev.stepwise.statemachine.StateMachineVersions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java services for versions and aliases that other faces (the AWS wire API) call, with their
 * own rules.
 */
class VersionAndAliasServicesIntegrationTests extends VersionsAndAliasesSupport {
  @Test
  void createsAnAliasOnceAndRefusesAnotherWithTheSameName() {
    var aliases = stepwise.bean(StateMachineAliases.class);
    String name = stateMachine("v0");
    publishNew(name, "v1");
    publishNew(name, "v2");

    var created = aliases.create(name, "live", "d", List.of(new Route(1, 100)));
    var again = aliases.create(name, "live", "d", List.of(new Route(1, 100)));

    assertThat(created.result()).isEqualTo(SaveResult.CREATED);
    assertThat(again.result()).isEqualTo(SaveResult.UNCHANGED);
    assertThat(again.alias().routing()).containsExactly(new Route(1, 100));
    assertThatThrownBy(() -> aliases.create(name, "live", "d", List.of(new Route(2, 100))))
        .isInstanceOf(StateMachineConflict.class);
    assertThatThrownBy(() -> aliases.update(name, "other", null, null))
        .isInstanceOf(AliasNotFound.class);
  }

  @Test
  void anUpdateKeepsWhatItIsNotGiven() {
    var aliases = stepwise.bean(StateMachineAliases.class);
    String name = stateMachine("v0");
    publishNew(name, "v1");
    publishNew(name, "v2");
    aliases.create(name, "live", "first", List.of(new Route(1, 100)));

    var routed = aliases.update(name, "live", null, List.of(new Route(1, 20), new Route(2, 80)));
    var described = aliases.update(name, "live", "second", null);

    assertThat(routed.description()).isEqualTo("first");
    assertThat(described.routing()).containsExactly(new Route(1, 20), new Route(2, 80));
    assertThat(aliases.get(name, "live").description()).isEqualTo("second");
  }

  @Test
  void concurrentPublishesOfOneRevisionMakeOneVersion() throws Exception {
    var versions = stepwise.bean(StateMachineVersions.class);
    String name = stateMachine("one");

    var numbers = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      var start = new java.util.concurrent.CountDownLatch(1);
      var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (int i = 0; i < 8; i++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  return numbers.add(versions.publish(name, null, null).version().version());
                }));
      }
      start.countDown();
      for (var future : done) future.get();
    }

    assertThat(numbers).hasSize(8).containsOnly(1);
    assertThat(versions.list(name, null, 10)).hasSize(1);
  }
}
