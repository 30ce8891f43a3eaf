package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tasks whose resource is a URL: the request the dispatcher sends (payload and execution headers)
 * and how it reads the answer.
 */
class HttpTaskDispatcherUrlResourceTests extends HttpTaskDispatcherSupport {
  @Test
  void postsThePayloadAsJsonAndReturnsTheJsonAnswer() {
    server.answer(200, "application/json", "{\"charged\":true,\"amount\":12.5,\"ids\":[1,2]}");

    var outcome = call(server.url("/charge"), Json.parse("{\"amount\":12.5,\"card\":\"x\"}"));

    assertThat(result(outcome))
        .isEqualTo(Json.parse("{\"charged\":true,\"amount\":12.5,\"ids\":[1,2]}"));
    var request = server.request();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri().getPath()).isEqualTo("/charge");
    assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(Json.parse(request.body()))
        .isEqualTo(Json.parse("{\"amount\":12.5,\"card\":\"x\"}"));
  }

  @Test
  void sendsAScalarPayloadAsJson() {
    server.answer(200, "application/json", "\"done\"");

    assertThat(result(call(server.url("/"), "hello"))).isEqualTo("done");
    assertThat(server.request().body()).isEqualTo("\"hello\"");
  }

  @Test
  void anEmptyAnswerIsNull() {
    server.answer(200, null, "");
    assertThat(result(call(server.url("/"), Map.of()))).isNull();
  }

  @Test
  void noContentIsNull() {
    server.answer(204, null, "");
    assertThat(result(call(server.url("/"), Map.of()))).isNull();
  }

  @Test
  void sendsTheExecutionHeadersOnEveryCall() {
    server.answer(200, "application/json", "{}");

    call(server.url("/"), Map.of());

    var headers = server.request().headers();
    assertThat(headers.getFirst("Stepwise-Execution-Id")).isEqualTo("exec-42");
    assertThat(headers.getFirst("Stepwise-State-Name")).isEqualTo("Charge");
    assertThat(headers.getFirst("Stepwise-Attempt")).isEqualTo("3");
    assertThat(headers.getFirst("Idempotency-Key")).isEqualTo("exec-42/Charge/7");
  }

  @Test
  void aStateNameOutsideAsciiIsPercentEncoded() {
    server.answer(200, "application/json", "{}");

    dispatcher.call(
        new TaskRequest("Zahlung prüfen", server.url("/"), Map.of(), 1, TIMEOUT), CONTEXT);

    assertThat(server.request().headers().getFirst("Stepwise-State-Name"))
        .isEqualTo("Zahlung%20pr%C3%BCfen");
  }

  @Test
  void aTwoHundredAnswerThatIsNotJsonIsAMalformedAnswer() {
    server.answer(200, "text/html", "<html>oops</html>");

    var failure = failed(call(server.url("/"), Map.of()));

    assertThat(failure.error()).isEqualTo(ErrorNames.HTTP_SOCKET);
    assertThat(failure.cause()).contains("not JSON").contains("<html>oops</html>");
  }

  @Test
  void anAnswerWithANumberADoubleCannotHoldSaysWhy() {
    server.answer(200, "application/json", "{\"n\": 1e400}");

    var failure = failed(call(server.url("/"), Map.of()));

    assertThat(failure.error()).isEqualTo(ErrorNames.HTTP_SOCKET);
    assertThat(failure.cause()).contains("1e400 is out of range").doesNotContain("Exception");
  }
}
