package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.task.HttpTaskDispatcher.CallContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A call that keeps what it sent and read, for TestState's {@code TRACE} level. */
class TracedCallTests {
  private static final CallContext CONTEXT = new CallContext("exec-1", "exec-1/S/1");

  private TestServer server;
  private HttpTaskDispatcher dispatcher;

  @BeforeEach
  void start() throws IOException {
    server = new TestServer();
    var route =
        new TaskProperties.Route(
            "arn:aws:lambda:*:*:function:Pay",
            server.url("/pay"),
            Map.of("Authorization", "Bearer s3cret"),
            null);
    var properties = new TaskProperties(List.of(route), null, Duration.ofSeconds(2));
    dispatcher = new HttpTaskDispatcher(new TaskRoutes(properties), properties);
  }

  @AfterEach
  void stop() {
    dispatcher.close();
    server.close();
  }

  private TracedOutcome trace(String resource, Object payload, boolean revealSecrets) {
    var request = new TaskRequest("S", resource, payload, 1, Duration.ofSeconds(5));
    return dispatcher.trace(request, CONTEXT, revealSecrets);
  }

  @Test
  void anHttpTaskShowsItsRequestAndTheAnswer() {
    server.answer(201, "application/json", "{\"id\":9}");

    var traced =
        trace(
            TaskRoutes.HTTP_INVOKE,
            Json.parse(
                "{\"ApiEndpoint\": \""
                    + server.url("/orders")
                    + "\", \"Method\": \"PUT\", \"Headers\": {\"X-Tag\": \"a\"},"
                    + " \"QueryParameters\": {\"q\": \"1\"}, \"RequestBody\": {\"n\": 1}}"),
            false);

    assertThat(traced.outcome()).isInstanceOf(TaskOutcome.Succeeded.class);
    var request = traced.exchange().request();
    assertThat(request.protocol()).isEqualTo("HTTP/1.1");
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.url()).isEqualTo(server.url("/orders?q=1"));
    assertThat(request.headers())
        .containsEntry("X-Tag", List.of("a"))
        .containsEntry("Stepwise-State-Name", List.of("S"));
    assertThat(request.body()).isEqualTo("{\"n\":1}");
    var response = traced.exchange().response();
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.statusMessage()).isEqualTo("Created");
    assertThat(response.body()).isEqualTo("{\"id\":9}");
    assertThat(response.headers()).containsKey("content-type");
  }

  @Test
  void theHeadersARouteAddsAreLeftOutUnlessRevealed() {
    server.answer(200, "application/json", "{}");

    var hidden = trace("arn:aws:lambda:eu-west-1:1:function:Pay", Map.of("a", 1), false);
    var revealed = trace("arn:aws:lambda:eu-west-1:1:function:Pay", Map.of("a", 1), true);

    assertThat(server.requests())
        .allSatisfy(
            r -> assertThat(r.headers().getFirst("Authorization")).isEqualTo("Bearer s3cret"));
    assertThat(hidden.exchange().request().headers())
        .doesNotContainKey("Authorization")
        .containsKey("Content-Type");
    assertThat(revealed.exchange().request().headers())
        .containsEntry("Authorization", List.of("Bearer s3cret"));
  }

  @Test
  void noAnswerLeavesTheResponseOutAndNoRequestLeavesTheExchangeOut() {
    server.respondWith(exchange -> exchange.close());

    var dropped = trace(server.url("/gone"), Map.of(), false);
    var unrouted = trace("arn:aws:lambda:eu-west-1:1:function:Nobody", Map.of(), false);

    assertThat(dropped.outcome()).isInstanceOf(TaskOutcome.Failed.class);
    assertThat(dropped.exchange().request().url()).isEqualTo(server.url("/gone"));
    assertThat(dropped.exchange().response()).isNull();
    assertThat(((TaskOutcome.Failed) unrouted.outcome()).error()).isEqualTo(ErrorNames.RUNTIME);
    assertThat(unrouted.exchange()).isNull();
  }
}
