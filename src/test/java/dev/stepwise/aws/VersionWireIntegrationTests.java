package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.support.Sfn;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineVersionListItem;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** The version operations of the wire API and publish on create and update, through the SDK. */
class VersionWireIntegrationTests {
  static final String PASS = StateMachineWireIntegrationTests.PASS;
  static final String PASS_RESULT = StateMachineWireIntegrationTests.PASS_RESULT;

  @RegisterExtension static final WireService wire = WireService.started();

  @Test
  void publishesOnCreateAndUpdateAndDescribesEachVersion() {
    var created =
        wire.sfn()
            .createStateMachine(
                b ->
                    b.name("ver-pub")
                        .definition(PASS)
                        .roleArn(Sfn.ROLE)
                        .publish(true)
                        .versionDescription("first"));
    String machine = arn("ver-pub");
    assertThat(created.stateMachineVersionArn()).isEqualTo(machine + ":1");

    var updated =
        wire.sfn()
            .updateStateMachine(
                b -> b.stateMachineArn(machine).definition(PASS_RESULT).publish(true));
    assertThat(updated.stateMachineVersionArn()).isEqualTo(machine + ":2");
    assertThat(updated.revisionId()).isEqualTo("2");
    // Nothing changed since: publishing again answers the version that holds the revision.
    var again =
        wire.sfn()
            .updateStateMachine(b -> b.stateMachineArn(machine).roleArn(Sfn.ROLE).publish(true));
    assertThat(again.stateMachineVersionArn()).isEqualTo(machine + ":2");

    var first = wire.sfn().describeStateMachine(b -> b.stateMachineArn(machine + ":1"));
    assertThat(first.stateMachineArn()).isEqualTo(machine + ":1");
    assertThat(first.name()).isEqualTo("ver-pub");
    assertThat(first.definition()).doesNotContain("Result");
    assertThat(first.description()).isEqualTo("first");
    assertThat(first.revisionId()).isEqualTo("1");
    assertThat(first.roleArn()).isEqualTo(Sfn.ROLE);
    var second = wire.sfn().describeStateMachine(b -> b.stateMachineArn(machine + ":2"));
    assertThat(second.definition()).contains("\"Result\":1");
    assertThat(second.revisionId()).isEqualTo("2");
    assertThat(second.description()).isNull();
    // The state machine itself reports no version description.
    var itself = wire.sfn().describeStateMachine(b -> b.stateMachineArn(machine));
    assertThat(itself.stateMachineArn()).isEqualTo(machine);
    assertThat(itself.description()).isNull();

    assertThatThrownBy(
            () -> wire.sfn().describeStateMachine(b -> b.stateMachineArn(machine + ":9")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .updateStateMachine(b -> b.stateMachineArn(machine + ":1").definition(PASS)))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void publishIsIdempotentAndChecksTheRevision() {
    create("ver-rev");
    String machine = arn("ver-rev");
    var v1 =
        wire.sfn()
            .publishStateMachineVersion(
                b -> b.stateMachineArn(machine).revisionId("INITIAL").description("initial"));
    assertThat(v1.stateMachineVersionArn()).isEqualTo(machine + ":1");
    assertThat(v1.creationDate()).isNotNull();
    var same = wire.sfn().publishStateMachineVersion(b -> b.stateMachineArn(machine));
    assertThat(same.stateMachineVersionArn()).isEqualTo(machine + ":1");
    assertThat(same.creationDate()).isEqualTo(v1.creationDate());

    String revision =
        wire.sfn()
            .updateStateMachine(b -> b.stateMachineArn(machine).definition(PASS_RESULT))
            .revisionId();
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .publishStateMachineVersion(
                        b -> b.stateMachineArn(machine).revisionId("INITIAL")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("revision");
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .publishStateMachineVersion(b -> b.stateMachineArn(machine).revisionId("x-1")))
        .isInstanceOf(ConflictException.class);
    var v2 =
        wire.sfn().publishStateMachineVersion(b -> b.stateMachineArn(machine).revisionId(revision));
    assertThat(v2.stateMachineVersionArn()).isEqualTo(machine + ":2");
  }

  @Test
  void listsVersionsNewestFirstPageByPageAndDeletesThem() {
    create("ver-list");
    String machine = arn("ver-list");
    for (int i = 0; i < 5; i++) {
      String definition = PASS.replace("\"End\":true", "\"Result\":" + i + ",\"End\":true");
      wire.sfn()
          .updateStateMachine(b -> b.stateMachineArn(machine).definition(definition).publish(true));
    }
    var listed = new ArrayList<String>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      var page =
          wire.sfn()
              .listStateMachineVersions(
                  b -> b.stateMachineArn(machine).maxResults(2).nextToken(next));
      assertThat(page.stateMachineVersions()).hasSizeLessThanOrEqualTo(2);
      page.stateMachineVersions().stream()
          .map(StateMachineVersionListItem::stateMachineVersionArn)
          .forEach(listed::add);
      assertThat(page.stateMachineVersions())
          .allSatisfy(v -> assertThat(v.creationDate()).isNotNull());
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(3);
    assertThat(listed)
        .containsExactly(
            machine + ":5", machine + ":4", machine + ":3", machine + ":2", machine + ":1");

    wire.sfn().deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":3"));
    // As on AWS, deleting a version that is not there (any more) is no error.
    wire.sfn().deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":3"));
    wire.sfn().deleteStateMachineVersion(b -> b.stateMachineVersionArn(arn("ver-none") + ":1"));
    assertThat(
            wire.sfn()
                .listStateMachineVersions(b -> b.stateMachineArn(machine))
                .stateMachineVersions())
        .extracting(StateMachineVersionListItem::stateMachineVersionArn)
        .containsExactly(machine + ":5", machine + ":4", machine + ":2", machine + ":1");
    assertThatThrownBy(
            () -> wire.sfn().describeStateMachine(b -> b.stateMachineArn(machine + ":3")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .listStateMachineVersions(b -> b.stateMachineArn(machine).nextToken("bogus")))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void aVersionAnAliasRoutesToIsNotDeleted() {
    var created =
        wire.sfn()
            .createStateMachine(
                b -> b.name("ver-routed").definition(PASS).roleArn(Sfn.ROLE).publish(true));
    String version = created.stateMachineVersionArn();
    wire.sfn()
        .createStateMachineAlias(
            b ->
                b.name("live")
                    .routingConfiguration(r -> r.stateMachineVersionArn(version).weight(100)));
    assertThatThrownBy(
            () -> wire.sfn().deleteStateMachineVersion(b -> b.stateMachineVersionArn(version)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("live");
    wire.sfn().deleteStateMachineAlias(b -> b.stateMachineAliasArn(arn("ver-routed") + ":live"));
    wire.sfn().deleteStateMachineVersion(b -> b.stateMachineVersionArn(version));
    assertThat(
            wire.sfn()
                .listStateMachineVersions(b -> b.stateMachineArn(arn("ver-routed")))
                .stateMachineVersions())
        .isEmpty();
  }

  @Test
  void refusesWhatAwsRefuses() {
    create("ver-bad");
    String machine = arn("ver-bad");
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .createStateMachine(
                        b ->
                            b.name("ver-nopub")
                                .definition(PASS)
                                .roleArn(Sfn.ROLE)
                                .versionDescription("d")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("publish");
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .publishStateMachineVersion(
                        b -> b.stateMachineArn(machine).description("d".repeat(257))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> wire.sfn().publishStateMachineVersion(b -> b.stateMachineArn(arn("ver-none"))))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(
            () -> wire.sfn().listStateMachineVersions(b -> b.stateMachineArn(arn("ver-none"))))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .publishStateMachineVersion(
                        b ->
                            b.stateMachineArn(
                                "arn:aws:states:eu-west-1:123456789012:stateMachine:x")))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(
            () -> wire.sfn().deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine)))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":prod")))
        .isInstanceOf(InvalidArnException.class);
  }

  static void create(String name) {
    wire.sfn().createStateMachine(b -> b.name(name).definition(PASS).roleArn(Sfn.ROLE));
  }

  static String arn(String name) {
    return Sfn.PREFIX + "stateMachine:" + name;
  }
}
