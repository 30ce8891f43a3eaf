package dev.stepwise.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stepwise.asl.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP endpoint in the test process. Each path answers with a {@link Handler}; every request
 * is recorded with its headers, body and arrival time.
 */
public final class TestEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  public record Call(String path, Map<String, String> headers, Object body, Instant at) {
    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  public record Answer(int status, Object body) {
    public static Answer ok(Object body) {
      return new Answer(200, body);
    }
  }

  @FunctionalInterface
  public interface Handler extends Function<Call, Answer> {}

  public TestEndpoint() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  /** Answers POSTs to {@code path} with {@code handler}. */
  public TestEndpoint on(String path, Handler handler) {
    handlers.put(path, handler);
    return this;
  }

  /**
   * Answers POSTs to {@code path} with {@code body} once {@code release} opens (after 30 s at the
   * latest), counting {@code arrived} down as each request comes in: a Task request held in flight.
   */
  public TestEndpoint holding(
      String path,
      java.util.concurrent.CountDownLatch arrived,
      java.util.concurrent.CountDownLatch release,
      Object body) {
    return on(
        path,
        call -> {
          arrived.countDown();
          try {
            release.await(30, java.util.concurrent.TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Answer.ok(body);
        });
  }

  /** Answers with the request body (an echo). */
  public TestEndpoint echo(String path) {
    return on(path, call -> Answer.ok(call.body()));
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      var headers = new java.util.HashMap<String, String>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
      var call =
          new Call(
              exchange.getRequestURI().getPath(),
              headers,
              text.isEmpty() ? null : Json.parse(text),
              Instant.now());
      calls.add(call);
      Handler handler = handlers.get(call.path());
      Answer answer =
          handler == null
              ? new Answer(404, Map.of("error", "NoHandler", "cause", call.path()))
              : handler.apply(call);
      byte[] body =
          answer.body() == null
              ? new byte[0]
              : Json.write(answer.body()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
