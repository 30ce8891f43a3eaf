package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tasks whose resource is routed: the route URL and headers, and the route timeout against the
 * state timeout.
 */
class HttpTaskDispatcherRoutedResourceTests extends HttpTaskDispatcherSupport {
  private static final String LAMBDA = "arn:aws:lambda:us-east-1:123:function:Charge";

  @Test
  void goesToTheRouteUrlWithItsHeaders() {
    dispatcher.close();
    dispatcher =
        dispatcher(
            List.of(
                new TaskProperties.Route(
                    "arn:aws:lambda:*:*:function:Charge",
                    server.url("/invoke"),
                    Map.of("Authorization", "Bearer secret", "Stepwise-Attempt", "99"),
                    null)));
    server.answer(200, "application/json", "{\"ok\":1}");

    var outcome = call(LAMBDA, Map.of("a", 1));

    assertThat(result(outcome)).isEqualTo(Map.of("ok", 1));
    var request = server.request();
    assertThat(request.uri().getPath()).isEqualTo("/invoke");
    assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer secret");
    assertThat(request.headers().get("Stepwise-Attempt"))
        .as("not overridable")
        .containsExactly("3");
    assertThat(Json.parse(request.body())).isEqualTo(Map.of("a", 1));
  }

  @Test
  void aWaitForTaskTokenResourceGoesToTheBaseResourceRoute() {
    dispatcher.close();
    dispatcher =
        dispatcher(List.of(new TaskProperties.Route(LAMBDA, server.url("/cb"), null, null)));
    server.answer(200, "application/json", "{}");

    call(LAMBDA + ".waitForTaskToken", Map.of());

    assertThat(server.request().uri().getPath()).isEqualTo("/cb");
  }

  @Test
  void aShorterRouteTimeoutCapsTheStateTimeout() {
    dispatcher.close();
    dispatcher =
        dispatcher(
            List.of(
                new TaskProperties.Route(LAMBDA, server.url("/"), null, Duration.ofMillis(150))));
    server.respondWith(exchange -> awaitRelease());

    var failure = failed(call(LAMBDA, Map.of(), Duration.ofSeconds(30)));

    assertThat(failure.error()).isEqualTo(ErrorNames.TIMEOUT);
    assertThat(failure.cause()).contains("PT0.15S");
  }

  @Test
  void aLongerRouteTimeoutDoesNotExtendTheStateTimeout() {
    dispatcher.close();
    dispatcher =
        dispatcher(
            List.of(
                new TaskProperties.Route(LAMBDA, server.url("/"), null, Duration.ofMinutes(5))));
    server.respondWith(exchange -> awaitRelease());

    var failure = failed(call(LAMBDA, Map.of(), Duration.ofMillis(150)));

    assertThat(failure.error()).isEqualTo(ErrorNames.TIMEOUT);
    assertThat(failure.cause()).contains("PT0.15S");
  }
}
