package dev.stepwise.task;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.stepwise.engine.TaskOutcome;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The HTTP clients a Task's request goes out through, and the exchange itself: a request sent, its
 * answer read up to the payload limit within the call's time limit, and every failure turned into
 * an outcome. Routes are the operator's, so their calls go out directly; what definitions name goes
 * through the {@link GuardedConnector} and its {@link EgressPolicy}.
 */
final class TaskClients implements AutoCloseable {
  /**
   * Where the HTTP clients complete answers: a virtual thread each. Their default, a cached pool of
   * platform threads, added a hop between two platform threads to every answer on its way from the
   * client's selector to the waiting call (whose own thread is virtual), which cost about a fifth
   * of the service's CPU per Task and a millisecond of latency each (docs/performance.md).
   */
  private final ExecutorService completions = Executors.newVirtualThreadPerTaskExecutor();

  private final HttpClient trusted;
  private final GuardedConnector connector;
  private final HttpClient guarded;
  private final int bodyLimit;

  TaskClients(EgressPolicy egress, Duration connectTimeout, int bodyLimit) {
    this.trusted =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(completions)
            .build();
    this.connector = new GuardedConnector(egress, connectTimeout);
    this.guarded = connector.client(connectTimeout, completions);
    this.bodyLimit = bodyLimit;
  }

  /**
   * Sends {@code request} ({@code trusted}: a route's, else through the egress guard) and turns its
   * answer into an outcome with {@code onAnswer}; a transport failure, a denied destination or no
   * answer within {@code timeout} become their outcomes. An interrupted call throws {@link
   * CancellationException}: nothing was learned about the remote side.
   */
  TaskOutcome exchange(
      boolean trusted,
      HttpRequest request,
      Duration timeout,
      ExchangeTrace trace,
      Function<HttpResponse<BoundedBody>, TaskOutcome> onAnswer) {
    CompletableFuture<HttpResponse<BoundedBody>> answer;
    try {
      // The guarded client's proxy selector checks the destination here, before connecting.
      answer =
          (trusted ? this.trusted : guarded).sendAsync(request, BoundedBody.handler(bodyLimit));
    } catch (EgressDenied e) {
      return CallFailures.denied(e);
    } catch (UncheckedIOException e) {
      return CallFailures.transport(request, timeout, e.getCause());
    }
    try {
      // The request timeout only covers the wait for headers; this also bounds the body.
      HttpResponse<BoundedBody> response = answer.get(timeout.toNanos(), NANOSECONDS);
      trace.answered(response);
      return onAnswer.apply(response);
    } catch (TimeoutException e) {
      answer.cancel(true);
      return CallFailures.timedOut(request, timeout);
    } catch (ExecutionException e) {
      return CallFailures.transport(request, timeout, e.getCause());
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException(
          "Interrupted while calling " + CallFailures.describe(request));
    }
  }

  @Override
  public void close() {
    trusted.close();
    guarded.close();
    connector.close();
    completions.close();
  }
}
