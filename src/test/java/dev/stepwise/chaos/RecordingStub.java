package dev.stepwise.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stepwise.asl.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The chaos test's Task endpoint. It records every delivery (before answering, so a delivery whose
 * sender dies mid-request counts too), answers a quarter of them slowly (so kills and pauses land
 * while Tasks are in flight), and fails every first attempt of the state named {@link #FAILS_ONCE}
 * (so each execution goes through one Retry).
 */
final class RecordingStub implements AutoCloseable {
  static final String FAILS_ONCE = "Charge";
  private static final byte[] FAILURE =
      "{\"error\":\"ChaosFailure\",\"cause\":\"the first attempt always fails\"}".getBytes();

  /**
   * One request as it arrived. {@code entry} names the entry into the state independently of
   * Stepwise's headers: execution, state and the iteration's item from the request body.
   */
  record Delivery(
      String executionId, String state, String attempt, String idempotencyKey, String entry) {}

  private final HttpServer server;
  final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();

  RecordingStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/task", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/task";
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      var headers = exchange.getRequestHeaders();
      String execution = headers.getFirst("Stepwise-Execution-Id");
      String state = headers.getFirst("Stepwise-State-Name");
      String attempt = headers.getFirst("Stepwise-Attempt");
      Object item =
          Json.parse(new String(body)) instanceof Map<?, ?> input ? input.get("item") : null;
      deliveries.add(
          new Delivery(
              execution,
              state,
              attempt,
              headers.getFirst("Idempotency-Key"),
              execution + "|" + state + "|" + item));
      var random = ThreadLocalRandom.current();
      if (random.nextInt(4) == 0) Thread.sleep(random.nextLong(200, 2500));
      byte[] answer;
      int status;
      if (FAILS_ONCE.equals(state) && "1".equals(attempt)) {
        status = 500;
        answer = FAILURE;
      } else {
        status = 200;
        answer = ("{\"done\":\"" + state + "\"}").getBytes();
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The sender died or gave up mid-request (a killed replica): the delivery is recorded.
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
