package dev.stepwise.support;

import dev.stepwise.asl.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small client for the REST API, speaking plain JSON values. */
public final class Api {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private final String base;
  private final Map<String, String> headers;

  Api(String base) {
    this(base, Map.of());
  }

  private Api(String base, Map<String, String> headers) {
    this.base = base;
    this.headers = headers;
  }

  /** The same client sending {@code Authorization: Bearer <token>} with every request. */
  public Api withBearer(String token) {
    return new Api(base, Map.of("Authorization", "Bearer " + token));
  }

  public String base() {
    return base;
  }

  public record Response(int status, Object body, Map<String, List<String>> headers) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
      return (Map<String, Object>) body;
    }

    public String header(String name) {
      var values = headers.get(name.toLowerCase());
      return values == null ? null : values.getFirst();
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** GETs a text resource (e.g. the Prometheus scrape). */
  public String text(String path) {
    try {
      return CLIENT
          .send(
              HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  public Response post(String path, Object body) {
    return postRaw(path, Json.write(body));
  }

  public Response postRaw(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response put(String path, Object body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body))));
  }

  /** Creates a state machine from definition JSON text; fails the test unless it is accepted. */
  public void createStateMachine(String name, String definition) {
    var response =
        post("/v1/state-machines", Map.of("name", name, "definition", Json.parse(definition)));
    if (response.status() != 201 && response.status() != 200) {
      throw new AssertionError("create " + name + ": " + response.status() + " " + response.body());
    }
  }

  /**
   * Creates a state machine, starts it on {@code input} and waits (up to 30 s) for the end: a
   * definition run once, as the integration tests of definitions written for AWS run theirs.
   */
  public Map<String, Object> run(String name, String definition, Object input) {
    createStateMachine(name, definition);
    return awaitEnd(start(name, input), Duration.ofSeconds(30));
  }

  /** Answers a task token with a success, as a worker or a callback's receiver does. */
  public Response sendTaskSuccess(String taskToken, Object output) {
    return post("/v1/task-tokens/success", Map.of("taskToken", taskToken, "output", output));
  }

  /** A JSON object of an answer, typed for assertions. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  /** Starts an execution and returns its id. */
  public String start(String stateMachine, Object input) {
    var response =
        post("/v1/state-machines/" + stateMachine + "/executions", Map.of("input", input));
    if (response.status() != 201) {
      throw new AssertionError("start: " + response.status() + " " + response.body());
    }
    return (String) response.json().get("executionId");
  }

  public Map<String, Object> execution(String executionId) {
    return get("/v1/executions/" + executionId).json();
  }

  /** Polls until the execution is no longer RUNNING, for at most {@code timeout}. */
  public Map<String, Object> awaitEnd(String executionId, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      var execution = execution(executionId);
      if (!"RUNNING".equals(execution.get("status"))) return execution;
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("still running after " + timeout + ": " + execution);
      }
      pause(Duration.ofMillis(50));
    }
  }

  /**
   * Polls until the execution's history holds an event of {@code type}, for at most {@code
   * timeout}.
   */
  public void awaitEvent(String executionId, String type, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (history(executionId).stream().noneMatch(e -> type.equals(e.get("type")))) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no " + type + " in " + executionId + " after " + timeout);
      }
      pause(Duration.ofMillis(25));
    }
  }

  /** The whole history of an execution, all pages. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> history(String executionId) {
    var events = new java.util.ArrayList<Map<String, Object>>();
    String token = null;
    do {
      String path =
          "/v1/executions/"
              + executionId
              + "/history?pageSize=1000"
              + (token == null ? "" : "&pageToken=" + token);
      var page = get(path).json();
      events.addAll((List<Map<String, Object>>) page.get("events"));
      token = (String) page.get("nextPageToken");
    } while (token != null);
    return events;
  }

  private Response send(HttpRequest.Builder request) {
    headers.forEach(request::header);
    try {
      var response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(90)).build(),
              HttpResponse.BodyHandlers.ofString());
      Object body = response.body().isEmpty() ? null : Json.parse(response.body());
      return new Response(response.statusCode(), body, response.headers().map());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
