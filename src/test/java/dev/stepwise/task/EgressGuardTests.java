package dev.stepwise.task;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskOutcome.Failed;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.task.HttpTaskDispatcher.CallContext;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The egress policy applied to real calls: what is denied is never sent. */
class EgressGuardTests {
  private static final CallContext CONTEXT = new CallContext("exec-1", "exec-1/S/1");
  private static final String HTTP_INVOKE = TaskRoutes.HTTP_INVOKE;

  private TestServer server;
  private TestServer elsewhere;
  private HttpTaskDispatcher dispatcher;

  @BeforeEach
  void start() throws IOException {
    server = new TestServer();
    elsewhere = new TestServer();
    server.answer(200, "application/json", "{\"ok\":true}");
  }

  @AfterEach
  void stop() {
    if (dispatcher != null) dispatcher.close();
    server.close();
    elsewhere.close();
  }

  private HttpTaskDispatcher dispatcher(EgressPolicy policy, TaskProperties.Route... routes) {
    var properties = new TaskProperties(List.of(routes), null, Duration.ofSeconds(2));
    dispatcher =
        new HttpTaskDispatcher(
            new TaskRoutes(properties),
            properties,
            AwsAccount.defaults(),
            262_144,
            policy,
            TaskConnections.none());
    return dispatcher;
  }

  private static EgressPolicy strict() {
    return new EgressPolicy(new EgressProperties(false, null, null));
  }

  private TaskOutcome call(String resource, Object payload) {
    return dispatcher.call(
        new TaskRequest("S", resource, payload, 1, Duration.ofSeconds(5)), CONTEXT);
  }

  private static Failed denied(TaskOutcome outcome) {
    assertThat(outcome).isInstanceOf(Failed.class);
    var failed = (Failed) outcome;
    assertThat(failed.error()).isEqualTo("Stepwise.EgressDenied");
    assertThat(failed.cause()).contains("stepwise.tasks.egress").contains("nothing was sent");
    return failed;
  }

  private int port() {
    return java.net.URI.create(server.url("/")).getPort();
  }

  private static Map<String, Object> invoke(String endpoint) {
    var parameters = new LinkedHashMap<String, Object>();
    parameters.put("ApiEndpoint", endpoint);
    parameters.put("Method", "GET");
    return parameters;
  }

  @Test
  void aNameThatResolvesToLoopbackIsDeniedWhenPrivateAddressesAreNot() {
    dispatcher(strict());

    var failed = denied(call("http://localhost:" + port() + "/x", Map.of()));

    assertThat(failed.cause()).contains("127.0.0.1").contains("allow-private=false");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void anIpv4MappedAddressIsJudgedAsItsIpv4Address() {
    dispatcher(strict());

    denied(call(HTTP_INVOKE, invoke("http://[::ffff:127.0.0.1]:" + port() + "/x")));

    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aDecimalAddressIsJudgedAsTheAddressItSpells() {
    dispatcher(strict());

    var failed = denied(call(HTTP_INVOKE, invoke("http://2130706433:" + port() + "/x")));

    assertThat(failed.cause()).contains("127.0.0.1");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void httpsIsCheckedBeforeAnyConnection() {
    dispatcher(strict());

    denied(call(HTTP_INVOKE, invoke("https://localhost:" + port() + "/x")));

    assertThat(server.requests()).isEmpty();
  }

  @Test
  void theServicesOwnPortIsDeniedEvenWhenPrivateAddressesAreAllowed() {
    var policy = EgressPolicy.permissive();
    policy.addOwnPort(port());
    dispatcher(policy);

    var failed = denied(call(HTTP_INVOKE, invoke(server.url("/actuator/prometheus"))));

    assertThat(failed.cause()).contains("own port");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void allowedAddressesAreCalledWithTheOriginalHostHeader() {
    dispatcher(EgressPolicy.permissive());

    var outcome = call("http://localhost:" + port() + "/x?q=1", Map.of("a", 1));

    assertThat(outcome).isInstanceOf(TaskOutcome.Succeeded.class);
    var request = server.request();
    assertThat(request.uri().getPath()).isEqualTo("/x");
    assertThat(request.uri().getQuery()).isEqualTo("q=1");
    assertThat(request.headers().getFirst("Host")).isEqualTo("localhost:" + port());
  }

  @Test
  void aRedirectIsNeverFollowed() {
    dispatcher(EgressPolicy.permissive());
    server.respondWith(
        exchange -> {
          exchange.getResponseHeaders().set("Location", elsewhere.url("/latest/meta-data/"));
          TestServer.send(exchange, 302, null, "");
        });

    var outcome = call(HTTP_INVOKE, invoke(server.url("/go")));

    assertThat(((Failed) outcome).error()).isEqualTo("States.Http.StatusCode.302");
    assertThat(server.requests()).hasSize(1);
    assertThat(elsewhere.requests()).isEmpty();
  }

  @Test
  void operatorRoutesBypassThePolicy() {
    dispatcher(
        strict(),
        new TaskProperties.Route(
            "arn:aws:lambda:*:*:function:Local", server.url("/f"), null, null));

    var outcome = call("arn:aws:lambda:us-east-1:1:function:Local", Map.of());

    assertThat(outcome).isInstanceOf(TaskOutcome.Succeeded.class);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void theTunnelRefusesDeniedDestinationsAndRelaysAllowedOnes() throws Exception {
    try (var tunnel = new EgressTunnel(strict(), Duration.ofSeconds(2));
        var open = new EgressTunnel(EgressPolicy.permissive(), Duration.ofSeconds(2))) {
      assertThat(connect(tunnel, "localhost:" + port(), null)).startsWith("HTTP/1.1 403");
      assertThat(connect(tunnel, "169.254.169.254:80", null)).startsWith("HTTP/1.1 403");

      String relayed =
          connect(open, "localhost:" + port(), "GET /through HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(relayed).startsWith("HTTP/1.1 200").contains("{\"ok\":true}");
      assertThat(server.request().uri().getPath()).isEqualTo("/through");
    }
  }

  /** Sends CONNECT, then {@code then} through the tunnel; returns all that came back. */
  private static String connect(EgressTunnel tunnel, String target, String then)
      throws IOException {
    try (var socket = new Socket()) {
      socket.connect(tunnel.address(), 2000);
      socket.setSoTimeout(5000);
      var out = socket.getOutputStream();
      out.write(
          ("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n").getBytes(ISO_8859_1));
      if (then != null) out.write(then.getBytes(ISO_8859_1));
      out.flush();
      var in = socket.getInputStream();
      var read = new StringBuilder();
      byte[] buffer = new byte[4096];
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (java.net.SocketTimeoutException e) {
          break;
        }
        if (n < 0) break;
        read.append(new String(buffer, 0, n, ISO_8859_1));
        if (then != null && read.toString().contains("{\"ok\":true}")) break;
      }
      return read.toString();
    }
  }
}
