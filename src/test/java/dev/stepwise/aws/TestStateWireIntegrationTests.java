package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.Json;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * TestState on the wire, through the SDK: AWS's JSON strings in and out, {@code inspectionData} as
 * AWS shapes it, a real HTTP Task traced, and AWS's error names.
 */
class TestStateWireIntegrationTests {
  static TestEndpoint endpoint;
  @RegisterExtension static final WireService wire = WireService.started();

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.on("/price", call -> Answer.ok(Map.of("price", 250)));
  }

  @AfterAll
  static void stop() {
    if (endpoint != null) endpoint.close();
  }

  @Test
  void aPassStateAnswersJsonTextAndItsDataFlowAtDebug() {
    var answer =
        wire.sfn()
            .testState(
                b ->
                    b.definition(
                            q(
                                "{'Type': 'Pass', 'InputPath': '$.order', 'Parameters': {'id.$': '$.id'},"
                                    + " 'ResultPath': '$.made', 'Next': 'Ship'}"))
                        .input(q("{'order': {'id': 7}}"))
                        .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(answer.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(answer.nextState()).isEqualTo("Ship");
    assertThat(Json.parse(answer.output()))
        .isEqualTo(Json.parse(q("{'order': {'id': 7}, 'made': {'id': 7}}")));
    var data = answer.inspectionData();
    assertThat(Json.parse(data.input())).isEqualTo(Json.parse(q("{'order': {'id': 7}}")));
    assertThat(Json.parse(data.afterInputPath())).isEqualTo(Map.of("id", 7));
    assertThat(Json.parse(data.afterParameters())).isEqualTo(Map.of("id", 7));
    assertThat(data.afterResultPath()).isNotNull();
    assertThat(data.request()).isNull();

    var info =
        wire.sfn().testState(b -> b.definition(q("{'Type': 'Pass', 'Result': 3, 'End': true}")));
    assertThat(info.output()).isEqualTo("3");
    assertThat(info.inspectionData()).isNull();
    assertThat(info.nextState()).isNull();
  }

  @Test
  void aMockedErrorGoesThroughRetryAndCatch() {
    String task =
        q(
            "{'Type': 'Task', 'Resource': 'http://svc/price',"
                + " 'Retry': [{'ErrorEquals': ['Busy'], 'MaxAttempts': 2}],"
                + " 'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'Recover'}], 'End': true}");
    var retriable =
        wire.sfn()
            .testState(
                b ->
                    b.definition(task)
                        .inspectionLevel(InspectionLevel.DEBUG)
                        .mock(m -> m.errorOutput(e -> e.error("Busy").cause("try later"))));
    assertThat(retriable.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
    assertThat(retriable.error()).isEqualTo("Busy");
    assertThat(retriable.cause()).isEqualTo("try later");
    assertThat(retriable.inspectionData().errorDetails().retryIndex()).isZero();

    var caught =
        wire.sfn()
            .testState(
                b ->
                    b.definition(task)
                        .inspectionLevel(InspectionLevel.DEBUG)
                        .stateConfiguration(c -> c.retrierRetryCount(2))
                        .mock(m -> m.errorOutput(e -> e.error("Busy").cause("still"))));
    assertThat(caught.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(caught.nextState()).isEqualTo("Recover");
    assertThat(caught.inspectionData().errorDetails().catchIndex()).isZero();

    var mocked =
        wire.sfn().testState(b -> b.definition(task).mock(m -> m.result(q("{'ok': true}"))));
    assertThat(mocked.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(mocked.output())).isEqualTo(Map.of("ok", true));
  }

  @Test
  void traceShowsATasksHttpExchange() {
    int before = endpoint.calls("/price").size();
    var answer =
        wire.sfn()
            .testState(
                b ->
                    b.definition(
                            q(
                                "{'Type': 'Task', 'Resource': '"
                                    + endpoint.url("/price")
                                    + "', 'ResultSelector': {'cents.$': '$.price'}, 'End': true}"))
                        .input(q("{'sku': 'A1'}"))
                        .inspectionLevel(InspectionLevel.TRACE));
    assertThat(answer.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(answer.output())).isEqualTo(Map.of("cents", 250));
    assertThat(endpoint.calls("/price")).hasSize(before + 1);
    var request = answer.inspectionData().request();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.url()).isEqualTo(endpoint.url("/price"));
    assertThat(Json.parse(request.body())).isEqualTo(Map.of("sku", "A1"));
    assertThat(Json.parse(request.headers())).isInstanceOf(Map.class);
    var response = answer.inspectionData().response();
    assertThat(response.statusCode()).isEqualTo("200");
    assertThat(Json.parse(response.body())).isEqualTo(Map.of("price", 250));
  }

  @Test
  void refusesWithAwsErrorNames() {
    assertThatThrownBy(
            () -> wire.sfn().testState(b -> b.definition(q("{'Type': 'Pass', 'Next': 1}"))))
        .isInstanceOf(InvalidDefinitionException.class);
    assertThatThrownBy(() -> wire.sfn().testState(b -> b.definition("not json")))
        .isInstanceOf(InvalidDefinitionException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .testState(
                        b -> b.definition(q("{'Type': 'Pass', 'End': true}")).input("{not json")))
        .isInstanceOf(InvalidExecutionInputException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .testState(
                        b ->
                            b.definition(q("{'Type': 'Pass', 'End': true}"))
                                .mock(m -> m.result("1"))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .testState(
                        b ->
                            b.definition(q("{'Type': 'Pass', 'End': true}"))
                                .inspectionLevel("LOUD")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("inspectionLevel");
    assertThatThrownBy(() -> wire.sfn().testState(b -> b.input("{}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("definition");
  }

  /** JSON written with single quotes. */
  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
