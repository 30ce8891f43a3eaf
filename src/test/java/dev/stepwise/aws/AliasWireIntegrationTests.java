package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stepwise.support.Sfn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineAliasListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ValidationException;
import software.amazon.awssdk.services.sfn.model.ValidationExceptionReason;

/** The alias operations of the wire API, and executions started on and listed by an alias. */
class AliasWireIntegrationTests {
  @RegisterExtension static final WireService wire = WireService.started();

  @Test
  void createsDescribesUpdatesAndDeletesAnAlias() {
    String machine = withTwoVersions("al-crud");
    var created =
        wire.sfn()
            .createStateMachineAlias(
                b ->
                    b.name("prod")
                        .description("live traffic")
                        .routingConfiguration(route(machine, 1, 100)));
    assertThat(created.stateMachineAliasArn()).isEqualTo(machine + ":prod");
    // AWS's idempotency: the same request again is the same alias.
    var again =
        wire.sfn()
            .createStateMachineAlias(
                b ->
                    b.name("prod")
                        .description("live traffic")
                        .routingConfiguration(route(machine, 1, 100)));
    assertThat(again.creationDate()).isEqualTo(created.creationDate());

    var described =
        wire.sfn().describeStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":prod"));
    assertThat(described.name()).isEqualTo("prod");
    assertThat(described.description()).isEqualTo("live traffic");
    assertThat(described.routingConfiguration()).containsExactly(route(machine, 1, 100));
    assertThat(described.creationDate()).isEqualTo(created.creationDate());

    var updated =
        wire.sfn()
            .updateStateMachineAlias(
                b ->
                    b.stateMachineAliasArn(machine + ":prod")
                        .routingConfiguration(route(machine, 1, 90), route(machine, 2, 10)));
    assertThat(updated.updateDate()).isNotNull();
    var after =
        wire.sfn().describeStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":prod"));
    assertThat(after.routingConfiguration())
        .containsExactly(route(machine, 1, 90), route(machine, 2, 10));
    assertThat(after.description()).isEqualTo("live traffic");
    wire.sfn()
        .updateStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":prod").description("new"));
    assertThat(wire.sfn().describeStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":prod")))
        .satisfies(d -> assertThat(d.description()).isEqualTo("new"))
        .satisfies(d -> assertThat(d.routingConfiguration()).hasSize(2));

    wire.sfn().deleteStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":prod"));
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .describeStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":prod")))
        .isInstanceOf(ResourceNotFoundException.class);
    // As on AWS, deleting an alias that is not there is no error.
    wire.sfn().deleteStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":prod"));
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .updateStateMachineAlias(
                        b -> b.stateMachineAliasArn(machine + ":prod").description("x")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void startsOnTheAliasAndListsItsExecutionsAndTheVersions() {
    String machine = withTwoVersions("al-run");
    wire.sfn()
        .createStateMachineAlias(b -> b.name("blue").routingConfiguration(route(machine, 2, 100)));
    String onAlias =
        wire.sfn()
            .startExecution(b -> b.stateMachineArn(machine + ":blue").name("a1"))
            .executionArn();
    String onVersion =
        wire.sfn().startExecution(b -> b.stateMachineArn(machine + ":1").name("v1")).executionArn();
    wire.sfn().startExecution(b -> b.stateMachineArn(machine).name("plain"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> names(machine, null).size() == 3 && running(machine) == 0);

    var onBlue = executions(machine + ":blue");
    assertThat(onBlue).extracting(ExecutionListItem::executionArn).containsExactly(onAlias);
    assertThat(onBlue.getFirst().stateMachineAliasArn()).isEqualTo(machine + ":blue");
    assertThat(onBlue.getFirst().stateMachineVersionArn()).isEqualTo(machine + ":2");
    assertThat(onBlue.getFirst().stateMachineArn()).isEqualTo(machine);
    // A version lists what ran it, started on it or through an alias that chose it.
    assertThat(executions(machine + ":1"))
        .extracting(ExecutionListItem::executionArn)
        .containsExactly(onVersion);
    assertThat(executions(machine + ":2"))
        .extracting(ExecutionListItem::executionArn)
        .containsExactly(onAlias);
    assertThat(names(machine, null)).containsExactlyInAnyOrder("a1", "v1", "plain");
    assertThat(
            wire.sfn()
                .listExecutions(
                    b -> b.stateMachineArn(machine + ":blue").statusFilter(ExecutionStatus.FAILED))
                .executions())
        .isEmpty();

    assertThatThrownBy(() -> executions(machine + ":green"))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> executions(machine + ":7"))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> executions(Sfn.PREFIX + "stateMachine:al-none:blue"))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void listsAliasesByNamePageByPageAndByVersion() {
    String machine = withTwoVersions("al-list");
    for (String name : List.of("a", "b", "c", "d")) {
      int version = name.equals("c") ? 2 : 1;
      wire.sfn()
          .createStateMachineAlias(
              b -> b.name(name).routingConfiguration(route(machine, version, 100)));
    }
    var listed = new ArrayList<String>();
    String token = null;
    do {
      String next = token;
      var page =
          wire.sfn()
              .listStateMachineAliases(
                  b -> b.stateMachineArn(machine).maxResults(3).nextToken(next));
      page.stateMachineAliases().stream()
          .map(StateMachineAliasListItem::stateMachineAliasArn)
          .forEach(listed::add);
      token = page.nextToken();
    } while (token != null);
    assertThat(listed)
        .containsExactly(machine + ":a", machine + ":b", machine + ":c", machine + ":d");
    assertThat(
            wire.sfn()
                .listStateMachineAliases(b -> b.stateMachineArn(machine + ":2"))
                .stateMachineAliases())
        .extracting(StateMachineAliasListItem::stateMachineAliasArn)
        .containsExactly(machine + ":c");
    assertThatThrownBy(
            () -> wire.sfn().listStateMachineAliases(b -> b.stateMachineArn(machine + ":9")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .listStateMachineAliases(
                        b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:al-none")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void refusesBadRoutingNamesAndConflicts() {
    String machine = withTwoVersions("al-bad");
    wire.sfn()
        .createStateMachineAlias(b -> b.name("prod").routingConfiguration(route(machine, 1, 100)));
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .createStateMachineAlias(
                        b -> b.name("prod").routingConfiguration(route(machine, 2, 100))))
        .isInstanceOf(ConflictException.class);

    assertRouting(route(machine, 1, 70), route(machine, 2, 29));
    assertRouting(route(machine, 1, 50), route(machine, 1, 50));
    assertRouting(
        RoutingConfigurationListItem.builder().stateMachineVersionArn(machine).weight(100).build());
    assertRouting(route(machine, 1, 50), route(Sfn.PREFIX + "stateMachine:al-crud", 1, 50));
    assertThatThrownBy(() -> create("x", route(machine, 1, 101)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("weight");
    assertThatThrownBy(
            () -> create("x", route(machine, 1, 50), route(machine, 2, 25), route(machine, 2, 25)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> create("123", route(machine, 1, 100)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> create("x", route(machine, 9, 100)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> create("x", route(Sfn.PREFIX + "stateMachine:al-none", 1, 100)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                create("x", route("arn:aws:states:eu-west-1:123456789012:stateMachine:a", 1, 100)))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(
            () -> wire.sfn().describeStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":1")))
        .isInstanceOf(InvalidArnException.class);
    var missing =
        org.junit.jupiter.api.Assertions.assertThrows(
            ValidationException.class,
            () ->
                wire.sfn().updateStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":prod")));
    assertThat(missing.reason()).isEqualTo(ValidationExceptionReason.MISSING_REQUIRED_PARAMETER);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .updateStateMachineAlias(
                        b ->
                            b.stateMachineAliasArn(machine + ":prod")
                                .routingConfiguration(
                                    route(Sfn.PREFIX + "stateMachine:al-crud", 1, 100))))
        .isInstanceOf(ValidationException.class);
  }

  /** A routing AWS refuses with ValidationException, reason INVALID_ROUTING_CONFIGURATION. */
  static void assertRouting(RoutingConfigurationListItem... routing) {
    var refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            ValidationException.class, () -> create("bad", routing));
    assertThat(refused.reason()).isEqualTo(ValidationExceptionReason.INVALID_ROUTING_CONFIGURATION);
    assertThat(refused.getMessage()).contains("Received: [");
  }

  static void create(String name, RoutingConfigurationListItem... routing) {
    wire.sfn().createStateMachineAlias(b -> b.name(name).routingConfiguration(routing));
  }

  /** A state machine with two published versions; its ARN. */
  static String withTwoVersions(String name) {
    String machine =
        wire.sfn()
            .createStateMachine(
                b ->
                    b.name(name)
                        .definition(StateMachineWireIntegrationTests.PASS)
                        .roleArn(Sfn.ROLE)
                        .publish(true))
            .stateMachineArn();
    wire.sfn()
        .updateStateMachine(
            b ->
                b.stateMachineArn(machine)
                    .definition(StateMachineWireIntegrationTests.PASS_RESULT)
                    .publish(true));
    return machine;
  }

  static RoutingConfigurationListItem route(String machine, int version, int weight) {
    return RoutingConfigurationListItem.builder()
        .stateMachineVersionArn(machine + ":" + version)
        .weight(weight)
        .build();
  }

  static List<ExecutionListItem> executions(String stateMachineArn) {
    return wire.sfn().listExecutions(b -> b.stateMachineArn(stateMachineArn)).executions();
  }

  static List<String> names(String machine, ExecutionStatus status) {
    return wire
        .sfn()
        .listExecutions(b -> b.stateMachineArn(machine).statusFilter(status))
        .executions()
        .stream()
        .map(ExecutionListItem::name)
        .toList();
  }

  static int running(String machine) {
    return names(machine, ExecutionStatus.RUNNING).size();
  }
}
