package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stepwise.support.Sfn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TooManyTagsException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Tags on state machines and activities; the map runs of a distributed Map. */
class TagAndMapRunWireIntegrationTests {
  static final String PASS = StateMachineWireIntegrationTests.PASS;
  static final String DISTRIBUTED =
      """
      {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemsPath": "$.items",
        "Label": "Each", "MaxConcurrency": 2, "ToleratedFailureCount": 1,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
          "StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}}}}}
      """;

  @RegisterExtension static final WireService wire = WireService.started();

  @Test
  void tagsStateMachinesAndActivities() {
    String machine =
        wire.sfn()
            .createStateMachine(
                b ->
                    b.name("tagged")
                        .definition(PASS)
                        .roleArn(Sfn.ROLE)
                        .tags(tag("owner", "a"), tag("tier", "1")))
            .stateMachineArn();
    assertThat(wire.sfn().listTagsForResource(b -> b.resourceArn(machine)).tags())
        .containsExactly(tag("owner", "a"), tag("tier", "1"));

    wire.sfn().tagResource(b -> b.resourceArn(machine).tags(tag("owner", "b"), tag("env", "test")));
    wire.sfn().untagResource(b -> b.resourceArn(machine).tagKeys("tier", "absent"));
    assertThat(wire.sfn().listTagsForResource(b -> b.resourceArn(machine)).tags())
        .containsExactly(tag("owner", "b"), tag("env", "test"));

    String activity =
        wire.sfn().createActivity(b -> b.name("tagged-act").tags(tag("k", "v"))).activityArn();
    wire.sfn().tagResource(b -> b.resourceArn(activity).tags(tag("k2", "")));
    assertThat(wire.sfn().listTagsForResource(b -> b.resourceArn(activity)).tags())
        .containsExactly(tag("k", "v"), tag("k2", ""));

    var many = new ArrayList<Tag>();
    IntStream.range(0, 50).forEach(i -> many.add(tag("t" + i, "v")));
    assertThatThrownBy(() -> wire.sfn().tagResource(b -> b.resourceArn(activity).tags(many)))
        .isInstanceOf(TooManyTagsException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .listTagsForResource(b -> b.resourceArn(Sfn.PREFIX + "stateMachine:untagged")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () -> wire.sfn().listTagsForResource(b -> b.resourceArn(Sfn.PREFIX + "execution:a:b")))
        .isInstanceOf(InvalidArnException.class);
  }

  @Test
  void describesTheMapRunsOfADistributedMap() {
    wire.sfn().createStateMachine(b -> b.name("dmap").definition(DISTRIBUTED).roleArn(Sfn.ROLE));
    String execution =
        wire.sfn()
            .startExecution(
                b ->
                    b.stateMachineArn(Sfn.PREFIX + "stateMachine:dmap")
                        .name("run1")
                        .input("{\"items\":[1,2,3]}"))
            .executionArn();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> wire.sfn().describeExecution(b -> b.executionArn(execution)).status(),
            s -> s != ExecutionStatus.RUNNING);

    var runs = wire.sfn().listMapRuns(b -> b.executionArn(execution)).mapRuns();
    assertThat(runs).hasSize(1);
    String mapRun = runs.getFirst().mapRunArn();
    assertThat(mapRun).startsWith(Sfn.PREFIX + "mapRun:dmap/run1:");
    assertThat(runs.getFirst().executionArn()).isEqualTo(execution);

    var described = wire.sfn().describeMapRun(b -> b.mapRunArn(mapRun));
    assertThat(described.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(described.maxConcurrency()).isEqualTo(2);
    assertThat(described.toleratedFailureCount()).isEqualTo(1);
    assertThat(described.itemCounts().total()).isEqualTo(3);
    assertThat(described.itemCounts().succeeded()).isEqualTo(3);
    assertThat(described.executionCounts().pending()).isZero();
    assertThat(described.stopDate()).isNotNull();

    var children = wire.sfn().listExecutions(b -> b.mapRunArn(mapRun)).executions();
    assertThat(children).hasSize(3).allMatch(c -> c.status() == ExecutionStatus.SUCCEEDED);
    assertThat(children.stream().map(ExecutionListItem::mapRunArn)).containsOnly(mapRun);
    String child = children.getFirst().executionArn();
    assertThat(wire.sfn().describeExecution(b -> b.executionArn(child)).mapRunArn())
        .isEqualTo(mapRun);
    var forChild = wire.sfn().describeStateMachineForExecution(b -> b.executionArn(child));
    assertThat(forChild.mapRunArn()).isEqualTo(mapRun);
    assertThat(forChild.label()).isEqualTo("Each");

    var started =
        wire.sfn().getExecutionHistory(b -> b.executionArn(execution)).events().stream()
            .filter(e -> e.type() == HistoryEventType.MAP_RUN_STARTED)
            .findFirst()
            .orElseThrow();
    assertThat(started.mapRunStartedEventDetails().mapRunArn()).isEqualTo(mapRun);

    assertThatThrownBy(() -> wire.sfn().updateMapRun(b -> b.mapRunArn(mapRun).maxConcurrency(5)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> wire.sfn().describeMapRun(b -> b.mapRunArn(mapRun.replace("/run1:", "/nope:"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
