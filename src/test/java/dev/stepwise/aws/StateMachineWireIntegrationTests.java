package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.support.Sfn;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** The state machine operations of the wire API, driven through the AWS SDK for Java v2. */
class StateMachineWireIntegrationTests {
  static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
  static final String PASS_RESULT =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":1,\"End\":true}}}";

  @RegisterExtension static final WireService wire = WireService.started();

  @Test
  void createsDescribesUpdatesAndDeletesAStateMachine() {
    var created =
        wire.sfn()
            .createStateMachine(
                b ->
                    b.name("sm-crud")
                        .definition(PASS)
                        .roleArn(Sfn.ROLE)
                        .type(StateMachineType.EXPRESS)
                        .loggingConfiguration(l -> l.level(LogLevel.OFF).includeExecutionData(true))
                        .tracingConfiguration(t -> t.enabled(true))
                        .tags(Tag.builder().key("team").value("core").build()));
    String arn = Sfn.PREFIX + "stateMachine:sm-crud";
    assertThat(created.stateMachineArn()).isEqualTo(arn);
    assertThat(created.creationDate()).isNotNull();

    var described = wire.sfn().describeStateMachine(b -> b.stateMachineArn(arn));
    assertThat(described.name()).isEqualTo("sm-crud");
    assertThat(described.type()).isEqualTo(StateMachineType.EXPRESS);
    assertThat(described.roleArn()).isEqualTo(Sfn.ROLE);
    assertThat(described.statusAsString()).isEqualTo("ACTIVE");
    assertThat(described.tracingConfiguration().enabled()).isTrue();
    assertThat(described.loggingConfiguration().includeExecutionData()).isTrue();
    assertThat(described.encryptionConfiguration().typeAsString()).isEqualTo("AWS_OWNED_KEY");
    assertThat(described.definition()).contains("\"Type\":\"Pass\"");
    assertThat(described.creationDate()).isEqualTo(created.creationDate());

    var updated =
        wire.sfn()
            .updateStateMachine(
                b -> b.stateMachineArn(arn).definition(PASS_RESULT).roleArn(Sfn.ROLE + "2"));
    assertThat(updated.revisionId()).isEqualTo("2");
    var after = wire.sfn().describeStateMachine(b -> b.stateMachineArn(arn));
    assertThat(after.definition()).contains("\"Result\":1");
    assertThat(after.roleArn()).isEqualTo(Sfn.ROLE + "2");
    assertThat(after.type()).isEqualTo(StateMachineType.EXPRESS);

    wire.sfn().deleteStateMachine(b -> b.stateMachineArn(arn));
    assertThatThrownBy(() -> wire.sfn().describeStateMachine(b -> b.stateMachineArn(arn)))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    // As on AWS, deleting what is not there is no error.
    wire.sfn().deleteStateMachine(b -> b.stateMachineArn(arn));
  }

  @Test
  void createIsIdempotentForTheSameRequestAndConflictsOtherwise() {
    var first = create("sm-idem", PASS);
    var again =
        wire.sfn().createStateMachine(b -> b.name("sm-idem").definition(PASS).roleArn(Sfn.ROLE));
    assertThat(again.creationDate()).isEqualTo(first);

    assertThatThrownBy(() -> create("sm-idem", PASS_RESULT))
        .isInstanceOf(StateMachineAlreadyExistsException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .createStateMachine(
                        b ->
                            b.name("sm-idem")
                                .definition(PASS)
                                .roleArn(Sfn.ROLE)
                                .type(StateMachineType.EXPRESS)))
        .isInstanceOf(StateMachineAlreadyExistsException.class);
  }

  @Test
  void refusesBadDefinitionsNamesAndArns() {
    assertThatThrownBy(() -> create("sm-bad", "{\"StartAt\":\"Nope\",\"States\":{}}"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("Invalid State Machine Definition");
    assertThatThrownBy(() -> create("sm-bad", "not json"))
        .isInstanceOf(InvalidDefinitionException.class);
    assertThatThrownBy(() -> create("has space", PASS)).isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .describeStateMachine(
                        b ->
                            b.stateMachineArn(
                                "arn:aws:states:eu-west-1:123456789012:stateMachine:x")))
        .isInstanceOf(InvalidArnException.class)
        .hasMessageContaining("us-east-1");
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .describeStateMachine(
                        b ->
                            b.stateMachineArn(
                                "arn:aws:states:us-east-1:999999999999:stateMachine:x")))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(() -> wire.sfn().describeStateMachine(b -> b.stateMachineArn("nonsense")))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .describeStateMachine(b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:none")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .updateStateMachine(b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:none")))
        .isInstanceOf(MissingRequiredParameterException.class);
    assertThatThrownBy(
            () -> wire.sfn().createStateMachine(b -> b.name("sm-norole").definition(PASS)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void listsStateMachinesPageByPage() {
    for (int i = 0; i < 5; i++) create("sm-page-" + i, PASS);
    var names = new ArrayList<String>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      var page = wire.sfn().listStateMachines(b -> b.maxResults(2).nextToken(next));
      assertThat(page.stateMachines()).hasSizeLessThanOrEqualTo(2);
      page.stateMachines().stream().map(StateMachineListItem::name).forEach(names::add);
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(names).contains("sm-page-0", "sm-page-1", "sm-page-2", "sm-page-3", "sm-page-4");
    assertThat(names).isSorted();
    assertThat(pages).isGreaterThanOrEqualTo(3);
    // The paginator of the SDK walks the same pages.
    assertThat(
            wire.sfn().listStateMachinesPaginator(b -> b.maxResults(2)).stateMachines().stream()
                .map(StateMachineListItem::name))
        .containsAll(names);
    assertThatThrownBy(() -> wire.sfn().listStateMachines(b -> b.nextToken("garbage!")))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void validatesDefinitionsWithAwsDiagnostics() {
    var ok = wire.sfn().validateStateMachineDefinition(b -> b.definition(PASS));
    assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    assertThat(ok.diagnostics()).isEmpty();

    var bad =
        wire.sfn()
            .validateStateMachineDefinition(
                b -> b.definition("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Nope\"}}}"));
    assertThat(bad.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(bad.diagnostics()).isNotEmpty();
    var first = bad.diagnostics().getFirst();
    assertThat(first.severityAsString()).isEqualTo("ERROR");
    assertThat(first.code()).isNotBlank();
    assertThat(first.message()).isNotBlank();
    assertThat(first.location()).startsWith("/States/A");

    var notJson = wire.sfn().validateStateMachineDefinition(b -> b.definition("{"));
    assertThat(notJson.diagnostics().getFirst().code()).isEqualTo("INVALID_JSON_DESCRIPTION");
  }

  @Test
  void aStateMachineMadeThroughTheNativeApiReadsWithAwsDefaults() {
    wire.stepwise()
        .api()
        .post(
            "/v1/state-machines",
            Map.of("name", "sm-native", "definition", dev.stepwise.asl.Json.parse(PASS)));
    var described =
        wire.sfn()
            .describeStateMachine(b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:sm-native"));
    assertThat(described.type()).isEqualTo(StateMachineType.STANDARD);
    assertThat(described.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/stepwise");
    assertThat(described.loggingConfiguration().level()).isEqualTo(LogLevel.OFF);
  }

  private static java.time.Instant create(String name, String definition) {
    return wire.sfn()
        .createStateMachine(b -> b.name(name).definition(definition).roleArn(Sfn.ROLE))
        .creationDate();
  }
}
