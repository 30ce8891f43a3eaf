package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.lifecycle.Executions.HistoryEventView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireJsonTests {
  record Answer(String name, Instant at, String absent) {}

  record Request(String name, Integer maxResults) {}

  @Test
  void writesTimestampsAsPlainDecimalEpochSecondsAndLeavesAbsentMembersOut() {
    String json =
        text(new Answer("a", Instant.ofEpochMilli(1_700_000_000_000L), null))
            + text(new Answer("b", Instant.ofEpochMilli(1_700_000_000_123L), null))
            + text(new Answer("c", Instant.EPOCH, null));
    assertThat(json)
        .isEqualTo(
            "{\"name\":\"a\",\"at\":1700000000.000}"
                + "{\"name\":\"b\",\"at\":1700000000.123}"
                + "{\"name\":\"c\",\"at\":0.000}");
  }

  @Test
  void readsAnEmptyBodyAsAnEmptyRequestAndIgnoresUnknownMembers() {
    assertThat(WireJson.read(new byte[0], Request.class)).isEqualTo(new Request(null, null));
    assertThat(read("{\"name\":\"n\",\"future\":[1]}")).isEqualTo(new Request("n", null));
  }

  @Test
  void refusesMalformedJsonAndWrongTypesAsSerializationExceptions() {
    for (String body : new String[] {"{", "[]", "{\"name\":1}", "{\"maxResults\":\"1\"}", "{} x"}) {
      assertThatThrownBy(() -> read(body))
          .as(body)
          .isInstanceOfSatisfying(
              AwsError.class, e -> assertThat(e.code()).isEqualTo("SerializationException"));
    }
  }

  @Test
  void translatesHistoryEventsIntoTypedDetails() {
    var details = new LinkedHashMap<String, Object>();
    details.put("resource", "arn:aws:states:::lambda:invoke.waitForTaskToken");
    details.put("error", "E");
    var event = new HistoryEventView(3, 2, Instant.ofEpochMilli(1500), "TaskFailed", details);
    var context = new HistoryEvents.Context("role", "r", true, e -> null);
    var translated = HistoryEvents.translate(event, context);
    assertThat(translated)
        .containsEntry("id", 3L)
        .containsEntry("previousEventId", 2L)
        .containsEntry("type", "TaskFailed")
        .containsEntry(
            "taskFailedEventDetails",
            Map.of("resourceType", "lambda", "resource", "invoke.waitForTaskToken", "error", "E"));
    assertThat(text(translated)).contains("\"timestamp\":1.500,").doesNotContain("cause");

    var unknown =
        HistoryEvents.translate(
            new HistoryEventView(4, 3, Instant.EPOCH, "ParallelStateStarted", Map.of()), context);
    assertThat(unknown).containsOnlyKeys("timestamp", "type", "id", "previousEventId");
  }

  @Test
  void namesTaskResourcesAsAwsDoes() {
    assertThat(TaskResourceNames.of("arn:aws:states:::http:invoke"))
        .isEqualTo(new TaskResourceNames("http", "invoke"));
    assertThat(TaskResourceNames.of("arn:aws:lambda:us-east-1:1:function:F"))
        .isEqualTo(new TaskResourceNames("lambda", "arn:aws:lambda:us-east-1:1:function:F"));
    assertThat(TaskResourceNames.of("https://example.test/x"))
        .isEqualTo(new TaskResourceNames("http", "https://example.test/x"));
  }

  private static Request read(String body) {
    return WireJson.read(body.getBytes(StandardCharsets.UTF_8), Request.class);
  }

  private static String text(Object value) {
    return new String(WireJson.write(value), StandardCharsets.UTF_8);
  }
}
