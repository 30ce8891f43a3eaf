package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Task whose work item another node took over while its request was out: the first answer is not
 * recorded (the statement that locks the execution also completes the item, guarded by the claim's
 * version, and finds it gone), the new owner's is, once. At least once to the endpoint, exactly
 * once in the history.
 */
class ClaimTakeoverIntegrationTests {
  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;
  static final CountDownLatch firstArrived = new CountDownLatch(1);
  static final CountDownLatch release = new CountDownLatch(1);

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.holding("/held", firstArrived, release, Map.of("answered", true));
    stepwise = StepwiseInstance.start();
  }

  @AfterAll
  static void stop() {
    release.countDown();
    stepwise.close();
    endpoint.close();
  }

  @Test
  void anAnswerUnderALostClaimIsDroppedAndTheNewOwnersIsRecordedOnce() throws Exception {
    var api = stepwise.api();
    api.createStateMachine(
        "claim-takeover",
        """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "%s", "End": true}}}
        """
            .formatted(endpoint.url("/held")));
    String id = api.start("claim-takeover", Map.of());
    assertThat(firstArrived.await(20, TimeUnit.SECONDS)).isTrue();
    double droppedBefore = stepwise.droppedTaskAnswers();

    // Another node claims the item (its claim's version moves on) and its lease runs out at once,
    // so this node's claimer takes it over again and sends the request a second time.
    var jdbc = stepwise.bean(JdbcClient.class);
    int taken =
        jdbc.sql(
                "update work_item set claimed_by = 'another-node', version = version + 1,"
                    + " lease_until = now() - interval '1 second'"
                    + " where execution_id = ? and kind = 'TASK'")
            .param(UUID.fromString(id))
            .update();
    assertThat(taken).isEqualTo(1);
    for (int i = 0; i < 800 && endpoint.calls("/held").size() < 2; i++) Thread.sleep(25);
    assertThat(endpoint.calls("/held")).hasSize(2);

    release.countDown();
    var ended = api.awaitEnd(id, Duration.ofSeconds(20));

    assertThat(ended.get("status")).isEqualTo("SUCCEEDED");
    assertThat(ended.get("output")).isEqualTo(Map.of("answered", true));
    var types = api.history(id).stream().map(e -> (String) e.get("type")).toList();
    assertThat(types.stream().filter("TaskSucceeded"::equals)).hasSize(1);
    assertThat(types.stream().filter("ExecutionSucceeded"::equals)).hasSize(1);
    // The answer under the lost claim was refused, and counted as dropped.
    for (int i = 0; i < 800 && stepwise.droppedTaskAnswers() == droppedBefore; i++)
      Thread.sleep(25);
    assertThat(stepwise.droppedTaskAnswers()).isEqualTo(droppedBefore + 1);
    assertThat(
            jdbc.sql("select count(*) from work_item where execution_id = ?")
                .param(UUID.fromString(id))
                .query(Integer.class)
                .single())
        .isZero();
  }
}
