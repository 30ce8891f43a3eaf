package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forks that were running when Stepwise was upgraded: releases before the engine decided forks kept
 * no plan in the forking token (a Parallel or inline Map kept nothing, a distributed Map its label
 * and tolerance). Such a fork must still run to its join after the upgrade.
 */
class LegacyForkIntegrationTests {
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start();
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  @Test
  void aParallelForkedByAnEarlierReleaseJoins() {
    var api = stepwise.api();
    api.createStateMachine(
        "legacy-parallel",
        """
        {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": 2, "Next": "A2"},
                                      "A2": {"Type": "Pass", "Result": "a", "End": true}}},
          {"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 2, "Next": "B2"},
                                      "B2": {"Type": "Pass", "Result": "b", "End": true}}}]}}}
        """);
    String id = api.start("legacy-parallel", Map.of());
    forgetForkPlan(id);

    var execution = api.awaitEnd(id, Duration.ofSeconds(30));

    assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
    assertThat(execution.get("output")).isEqualTo(List.of("a", "b"));
  }

  @Test
  void aMapWithWaitingIterationsForkedByAnEarlierReleaseStartsThemAndJoinsInOrder() {
    var api = stepwise.api();
    api.createStateMachine(
        "legacy-map",
        """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true, "MaxConcurrency": 2,
          "ItemProcessor": {"StartAt": "Nap", "States": {
            "Nap": {"Type": "Wait", "Seconds": 1, "Next": "Done"},
            "Done": {"Type": "Pass", "End": true}}}}}}
        """);
    String id = api.start("legacy-map", List.of(1, 2, 3, 4, 5));
    forgetForkPlan(id);

    var execution = api.awaitEnd(id, Duration.ofSeconds(30));

    assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
    assertThat(execution.get("output")).isEqualTo(List.of(1, 2, 3, 4, 5));
    var started =
        api.history(id).stream().filter(e -> "MapIterationStarted".equals(e.get("type"))).count();
    assertThat(started).isEqualTo(5);
  }

  /** Makes the execution's forking root token look as an earlier release wrote it: no plan. */
  private static void forgetForkPlan(String executionId) {
    int changed =
        stepwise
            .bean(JdbcClient.class)
            .sql(
                "update token set position = jsonb_set(position::jsonb, '{pending}', 'null')::text"
                    + " where execution_id = ? and id = 1 and position::jsonb ->> 'phase' = 'FORK'")
            .params(UUID.fromString(executionId))
            .update();
    assertThat(changed).as("the root token stands in its fork").isEqualTo(1);
  }
}
