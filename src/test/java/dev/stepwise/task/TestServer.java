package dev.stepwise.task;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 that records what it receives and answers as told. */
final class TestServer implements AutoCloseable {

  record Received(String method, URI uri, Headers headers, String body) {}

  interface Responder {
    void respond(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Responder responder = exchange -> send(exchange, 200, null, "");

  TestServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void answer(int status, String contentType, String body) {
    responder = exchange -> send(exchange, status, contentType, body);
  }

  void respondWith(Responder responder) {
    this.responder = responder;
  }

  List<Received> requests() {
    return List.copyOf(received);
  }

  /** The one request received; fails the test if there was not exactly one. */
  Received request() {
    assertThat(received).hasSize(1);
    return received.getFirst();
  }

  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    if (contentType != null) exchange.getResponseHeaders().set("Content-Type", contentType);
    byte[] bytes = body.getBytes(UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
    received.add(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            exchange.getRequestHeaders(),
            body));
    responder.respond(exchange);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
