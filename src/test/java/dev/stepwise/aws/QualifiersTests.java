package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.aws.AliasShapes.RoutingConfigurationListItem;
import dev.stepwise.statemachine.Route;
import dev.stepwise.statemachine.VersionNotFound;
import dev.stepwise.task.AwsProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the version and alias operations read from ARNs, revision ids and routings. */
class QualifiersTests {
  final Arns arns =
      new Arns(new AwsProperties("us-east-1", "123456789012", Duration.ZERO, Duration.ZERO));
  final String machine = "arn:aws:states:us-east-1:123456789012:stateMachine:m";

  @Test
  void tellsVersionsFromAliases() {
    assertThat(Qualifiers.version(arn(machine + ":12"), machine + ":12")).isEqualTo(12);
    assertThat(Qualifiers.alias(arn(machine + ":prod"), machine + ":prod")).isEqualTo("prod");
    assertThat(Qualifiers.unqualified(arn(machine), machine)).isEqualTo("m");
    assertCode(() -> Qualifiers.version(arn(machine + ":prod"), "x"), "InvalidArn");
    assertCode(() -> Qualifiers.version(arn(machine), "x"), "InvalidArn");
    assertCode(() -> Qualifiers.alias(arn(machine + ":3"), "x"), "InvalidArn");
    assertCode(() -> Qualifiers.unqualified(arn(machine + ":3"), "x"), "StateMachineDoesNotExist");
    // A number no version can have names none, rather than failing to parse.
    assertThatThrownBy(() -> Qualifiers.version(arn(machine + ":12345678901"), "x"))
        .isInstanceOf(VersionNotFound.class);
  }

  @Test
  void readsRevisionIdsAsRevisionNumbers() {
    assertThat(VersionOperations.expectedRevision(null)).isNull();
    assertThat(VersionOperations.expectedRevision("INITIAL")).isEqualTo(1);
    assertThat(VersionOperations.expectedRevision("7")).isEqualTo(7);
    assertThat(VersionOperations.expectedRevision("0b5e-uuid")).isEqualTo(-1);
    assertThat(VersionOperations.expectedRevision("99999999999")).isEqualTo(-1);
  }

  @Test
  void readsARoutingOfOneStateMachinesVersions() {
    var routing = RoutingConfigurations.read(arns, List.of(item(":1", 90), item(":2", 10)));
    assertThat(routing.stateMachine()).isEqualTo("m");
    assertThat(routing.routes()).containsExactly(new Route(1, 90), new Route(2, 10));
    assertThat(RoutingConfigurations.items(arns, "m", routing.routes()))
        .containsExactly(item(":1", 90), item(":2", 10));
  }

  @Test
  void refusesRoutingsAsAwsDoes() {
    assertRefused(List.of(), null);
    assertRefused(List.of(item(":1", 50), item(":2", 25), item(":3", 25)), null);
    assertRefused(List.of(item(":1", 101)), null);
    assertRefused(List.of(item(":1", -1)), null);
    assertRefused(List.of(item(":1", 70), item(":2", 29)), AwsError.INVALID_ROUTING_CONFIGURATION);
    assertRefused(List.of(item(":1", 50), item(":1", 50)), AwsError.INVALID_ROUTING_CONFIGURATION);
    assertRefused(List.of(item("", 100)), AwsError.INVALID_ROUTING_CONFIGURATION);
    assertRefused(List.of(item(":prod", 100)), AwsError.INVALID_ROUTING_CONFIGURATION);
    assertRefused(
        List.of(item(":1", 50), new RoutingConfigurationListItem(machine + "2:1", 50)),
        AwsError.INVALID_ROUTING_CONFIGURATION);
    assertRefused(List.of(new RoutingConfigurationListItem(null, 100)), null);
  }

  private void assertRefused(List<RoutingConfigurationListItem> items, String reason) {
    assertThatThrownBy(() -> RoutingConfigurations.read(arns, items))
        .isInstanceOfSatisfying(
            AwsError.class,
            e -> {
              assertThat(e.code()).isEqualTo("ValidationException");
              assertThat(e.reason()).isEqualTo(reason);
            });
  }

  private RoutingConfigurationListItem item(String qualifier, int weight) {
    return new RoutingConfigurationListItem(machine + qualifier, weight);
  }

  private Arns.StateMachineArn arn(String text) {
    return arns.parseStateMachine(text);
  }

  private static void assertCode(Runnable call, String code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
