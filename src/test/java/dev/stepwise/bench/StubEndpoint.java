package dev.stepwise.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The benchmark's Task endpoint: answers every POST with a small JSON document at once, and notes
 * when each request arrived (by execution and state) to measure dispatch overhead.
 */
final class StubEndpoint implements AutoCloseable {
  private static final byte[] ANSWER = "{\"ok\":true}".getBytes();
  private final HttpServer server;
  final Map<String, Instant> arrivals = new ConcurrentHashMap<>();

  StubEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/task",
        exchange -> {
          try (exchange) {
            Instant now = Instant.now();
            exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            arrivals.putIfAbsent(
                headers.getFirst("Stepwise-Execution-Id")
                    + "/"
                    + headers.getFirst("Stepwise-State-Name"),
                now);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            exchange.getResponseBody().write(ANSWER);
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/task";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
