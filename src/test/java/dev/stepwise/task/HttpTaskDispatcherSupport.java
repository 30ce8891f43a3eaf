package dev.stepwise.task;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskOutcome.Failed;
import dev.stepwise.engine.TaskOutcome.Succeeded;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.task.HttpTaskDispatcher.CallContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the HTTP dispatcher tests share: a dispatcher without routes and a test server per test,
 * calls with a fixed context, and the outcome read as a result or a failure.
 */
abstract class HttpTaskDispatcherSupport {
  static final CallContext CONTEXT = new CallContext("exec-42", "exec-42/Charge/7");
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  TestServer server;
  HttpTaskDispatcher dispatcher;
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = new TestServer();
    dispatcher = dispatcher(List.of());
  }

  @AfterEach
  void stop() {
    release.countDown();
    dispatcher.close();
    server.close();
  }

  static HttpTaskDispatcher dispatcher(List<TaskProperties.Route> routes) {
    var properties = new TaskProperties(routes, null, Duration.ofSeconds(2));
    return new HttpTaskDispatcher(new TaskRoutes(properties), properties);
  }

  TaskOutcome call(String resource, Object payload) {
    return call(resource, payload, TIMEOUT);
  }

  TaskOutcome call(String resource, Object payload, Duration timeout) {
    return dispatcher.call(new TaskRequest("Charge", resource, payload, 3, timeout), CONTEXT);
  }

  static Failed failed(TaskOutcome outcome) {
    assertThat(outcome).isInstanceOf(Failed.class);
    return (Failed) outcome;
  }

  static Object result(TaskOutcome outcome) {
    assertThat(outcome).isInstanceOf(Succeeded.class);
    return ((Succeeded) outcome).result();
  }

  void awaitRelease() {
    try {
      release.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
