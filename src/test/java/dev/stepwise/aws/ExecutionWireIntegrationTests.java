package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stepwise.support.Sfn;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.IncludedData;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** StartExecution, DescribeExecution, ListExecutions, StopExecution and RedriveExecution. */
class ExecutionWireIntegrationTests {
  static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"got.$\":\"$\"},"
          + "\"End\":true}}}";
  static final String WAIT =
      "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";
  static final String FAIL =
      "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Oops\","
          + "\"Cause\":\"on purpose\"}}}";

  @RegisterExtension static final WireService wire = WireService.started();

  @BeforeAll
  static void start() {
    create("ex-pass", PASS);
    create("ex-wait", WAIT);
    create("ex-fail", FAIL);
  }

  @Test
  void startsAnExecutionAndDescribesItsEnd() {
    var started = start("ex-pass", "one", "{\"a\":1}");
    assertThat(started).isEqualTo(Sfn.PREFIX + "execution:ex-pass:one");

    var described = awaitEnd(started);
    assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(described.stateMachineArn()).isEqualTo(Sfn.PREFIX + "stateMachine:ex-pass");
    assertThat(described.name()).isEqualTo("one");
    assertThat(described.input()).isEqualTo("{\"a\":1}");
    assertThat(described.output()).isEqualTo("{\"got\":{\"a\":1}}");
    assertThat(described.outputDetails().included()).isTrue();
    assertThat(described.stopDate()).isAfterOrEqualTo(described.startDate());
    assertThat(described.error()).isNull();
    assertThat(described.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);

    var metadata =
        wire.sfn()
            .describeExecution(
                b -> b.executionArn(started).includedData(IncludedData.METADATA_ONLY));
    assertThat(metadata.input()).isNull();
    assertThat(metadata.inputDetails().included()).isFalse();

    // Started without a name or input: a generated name, input {}.
    String unnamed =
        wire.sfn()
            .startExecution(b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:ex-pass"))
            .executionArn();
    assertThat(awaitEnd(unnamed).input()).isEqualTo("{}");
  }

  @Test
  void startsAreIdempotentByNameAndInputWhileRunning() {
    String first = start("ex-wait", "idem", "{\"n\":1}");
    assertThat(start("ex-wait", "idem", "{\"n\":1}")).isEqualTo(first);
    assertThatThrownBy(() -> start("ex-wait", "idem", "{\"n\":2}"))
        .isInstanceOf(ExecutionAlreadyExistsException.class);

    wire.sfn().stopExecution(b -> b.executionArn(first));
    // Once it ended, the same name is taken even with the same input.
    assertThatThrownBy(() -> start("ex-wait", "idem", "{\"n\":1}"))
        .isInstanceOf(ExecutionAlreadyExistsException.class);
  }

  @Test
  void refusesBadStarts() {
    assertThatThrownBy(() -> start("ex-pass", "bad-input", "{not json"))
        .isInstanceOf(InvalidExecutionInputException.class);
    assertThatThrownBy(() -> start("ex-none", "x", "{}"))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .describeExecution(b -> b.executionArn(Sfn.PREFIX + "execution:ex-pass:none")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .describeExecution(
                        b -> b.executionArn("arn:aws:states:us-east-1:1:execution:ex-pass:one")))
        .isInstanceOf(InvalidArnException.class);
  }

  @Test
  void stopsARunningExecutionAndLeavesAnEndedOneAlone() {
    String arn = start("ex-wait", "to-stop", "{}");
    var stopped =
        wire.sfn().stopExecution(b -> b.executionArn(arn).error("Halt").cause("by the test"));
    var described = wire.sfn().describeExecution(b -> b.executionArn(arn));
    assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(described.error()).isEqualTo("Halt");
    assertThat(described.cause()).isEqualTo("by the test");
    assertThat(described.stopDate()).isEqualTo(stopped.stopDate());
    assertThat(described.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);

    var again = wire.sfn().stopExecution(b -> b.executionArn(arn));
    assertThat(again.stopDate()).isEqualTo(stopped.stopDate());
    assertThatThrownBy(
            () -> wire.sfn().stopExecution(b -> b.executionArn(arn).error("x".repeat(300))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void redrivesAFailedExecutionAndNotASucceededOne() {
    String failed = start("ex-fail", "to-redrive", "{}");
    assertThat(awaitEnd(failed).status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(wire.sfn().describeExecution(b -> b.executionArn(failed)).error()).isEqualTo("Oops");

    var redriven = wire.sfn().redriveExecution(b -> b.executionArn(failed));
    assertThat(redriven.redriveDate()).isNotNull();
    var after = awaitEnd(failed);
    assertThat(after.redriveCount()).isEqualTo(1);
    assertThat(after.redriveDate()).isEqualTo(redriven.redriveDate());

    String succeeded = start("ex-pass", "no-redrive", "{}");
    awaitEnd(succeeded);
    assertThatThrownBy(() -> wire.sfn().redriveExecution(b -> b.executionArn(succeeded)))
        .isInstanceOf(ExecutionNotRedrivableException.class);
  }

  @Test
  void listsExecutionsByStatusPageByPage() {
    for (int i = 0; i < 5; i++) awaitEnd(start("ex-pass", "list-" + i, "{}"));
    String machine = Sfn.PREFIX + "stateMachine:ex-pass";
    var all =
        wire.sfn()
            .listExecutionsPaginator(b -> b.stateMachineArn(machine).maxResults(2))
            .executions();
    assertThat(all.stream().map(ExecutionListItem::name))
        .contains("list-0", "list-1", "list-2", "list-3", "list-4");
    assertThat(all.stream().map(ExecutionListItem::startDate).toList())
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    var firstPage = wire.sfn().listExecutions(b -> b.stateMachineArn(machine).maxResults(2));
    assertThat(firstPage.executions()).hasSize(2);
    assertThat(firstPage.nextToken()).isNotNull();

    assertThat(
            wire.sfn()
                .listExecutions(
                    b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.FAILED))
                .executions())
        .isEmpty();
    assertThat(
            wire.sfn()
                .listExecutions(
                    b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.SUCCEEDED))
                .executions())
        .allMatch(e -> e.status() == ExecutionStatus.SUCCEEDED)
        .isNotEmpty();
    assertThat(
            wire.sfn()
                .listExecutions(b -> b.stateMachineArn(machine).redriveFilter("REDRIVEN"))
                .executions())
        .isEmpty();
    assertThatThrownBy(() -> wire.sfn().listExecutions(b -> b.maxResults(1)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                wire.sfn().listExecutions(b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:nope")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void describesTheStateMachineRevisionAnExecutionRan() {
    create("ex-revision", PASS);
    String arn = start("ex-revision", "r1", "{}");
    awaitEnd(arn);
    wire.sfn()
        .updateStateMachine(
            b ->
                b.stateMachineArn(Sfn.PREFIX + "stateMachine:ex-revision")
                    .definition(FAIL.replace("Oops", "Changed")));
    var forExecution = wire.sfn().describeStateMachineForExecution(b -> b.executionArn(arn));
    assertThat(forExecution.definition()).contains("got.$").doesNotContain("Changed");
    assertThat(forExecution.revisionId()).isEqualTo("1");
    assertThat(forExecution.roleArn()).isEqualTo(Sfn.ROLE);
    assertThat(forExecution.mapRunArn()).isNull();
  }

  @Test
  void startsOnAVersionOrAnAliasPublishedThroughTheRestApi() {
    create("ex-versioned", PASS);
    var api = wire.stepwise().api();
    assertThat(api.post("/v1/state-machines/ex-versioned/versions", java.util.Map.of()).status())
        .isIn(200, 201);
    assertThat(
            api.put(
                    "/v1/state-machines/ex-versioned/aliases/prod",
                    java.util.Map.of(
                        "routing",
                        java.util.List.of(java.util.Map.of("version", 1, "weight", 100))))
                .status())
        .isIn(200, 201);
    String machine = Sfn.PREFIX + "stateMachine:ex-versioned";

    String onVersion =
        wire.sfn().startExecution(b -> b.stateMachineArn(machine + ":1").name("v1")).executionArn();
    assertThat(onVersion).isEqualTo(Sfn.PREFIX + "execution:ex-versioned:v1");
    assertThat(awaitEnd(onVersion).stateMachineVersionArn()).isEqualTo(machine + ":1");

    String onAlias =
        wire.sfn()
            .startExecution(b -> b.stateMachineArn(machine + ":prod").name("a1"))
            .executionArn();
    var described = awaitEnd(onAlias);
    assertThat(described.stateMachineAliasArn()).isEqualTo(machine + ":prod");
    assertThat(described.stateMachineVersionArn()).isEqualTo(machine + ":1");

    assertThatThrownBy(() -> start("ex-versioned:9", "v9", "{}"))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  static void create(String name, String definition) {
    wire.sfn().createStateMachine(b -> b.name(name).definition(definition).roleArn(Sfn.ROLE));
  }

  static String start(String machine, String name, String input) {
    return wire.sfn()
        .startExecution(
            b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:" + machine).name(name).input(input))
        .executionArn();
  }

  static DescribeExecutionResponse awaitEnd(String arn) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> wire.sfn().describeExecution(b -> b.executionArn(arn)),
            d -> d.status() != ExecutionStatus.RUNNING);
  }
}
