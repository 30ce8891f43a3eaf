package dev.stepwise.task;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.engine.TaskResources;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes a Task's HTTP call and turns whatever happens into a {@link TaskOutcome} (API.md §2).
 * Remote failures never throw: they become {@code States.Http.StatusCode.<code>}, {@code
 * States.Http.Socket}, {@code States.Timeout} or the endpoint's own error name.
 *
 * <p>The call's time limit is the request's timeout (the state's {@code TimeoutSeconds} or the
 * default), shortened by the route's {@code timeout} when that is smaller. A route never lengthens
 * it, so an HTTP call never outlives the state's own timeout.
 *
 * <p>Answers are read up to the payload limit ({@code stepwise.limits.payload-bytes}) and no
 * further: a longer successful answer fails with {@code States.DataLimitExceeded} and its
 * connection is dropped, so an endpoint cannot exhaust the service's memory.
 *
 * <p>Calls block; the engine runs them on virtual threads. If the calling thread is interrupted
 * (shutdown, a stopped execution) the call is abandoned with a {@link CancellationException} rather
 * than an outcome, because nothing was learned about the remote side.
 */
@Component
public class HttpTaskDispatcher implements AutoCloseable {
  /** The default of {@code stepwise.limits.payload-bytes}: AWS's 256 KiB. */
  public static final int DEFAULT_BODY_LIMIT = 262_144;

  private final TaskRoutes routes;
  private final AwsAccount account;
  private final Duration defaultTimeout;
  private final int bodyLimit;
  private final TaskConnections connections;
  private final TaskClients clients;

  public HttpTaskDispatcher(TaskRoutes routes, TaskProperties properties) {
    this(routes, properties, DEFAULT_BODY_LIMIT);
  }

  public HttpTaskDispatcher(TaskRoutes routes, TaskProperties properties, int bodyLimit) {
    this(
        routes,
        properties,
        AwsAccount.defaults(),
        bodyLimit,
        EgressPolicy.permissive(),
        TaskConnections.none());
  }

  @Autowired
  public HttpTaskDispatcher(
      TaskRoutes routes,
      TaskProperties properties,
      AwsAccount account,
      @Value("${stepwise.limits.payload-bytes:" + DEFAULT_BODY_LIMIT + "}") int bodyLimit,
      EgressPolicy egress,
      TaskConnections connections) {
    this.routes = routes;
    this.account = account;
    this.defaultTimeout = properties.defaultTimeout();
    this.bodyLimit = bodyLimit;
    this.connections = connections;
    this.clients = new TaskClients(egress, properties.connectTimeout(), bodyLimit);
  }

  public TaskOutcome call(TaskRequest request, CallContext context) {
    return call(request, context, ExchangeTrace.OFF);
  }

  /**
   * Makes the call as {@link #call} does, and keeps what was sent and read (TestState's {@code
   * TRACE}). The headers a route adds are left out of the trace unless {@code revealSecrets}.
   */
  public TracedOutcome trace(TaskRequest request, CallContext context, boolean revealSecrets) {
    var trace = new ExchangeTrace(revealSecrets);
    TaskOutcome outcome = call(request, context, trace);
    return new TracedOutcome(outcome, trace.exchange());
  }

  private TaskOutcome call(TaskRequest request, CallContext context, ExchangeTrace trace) {
    var target = routes.resolve(request.resource());
    if (target.isEmpty()) {
      // Only an execution's Task can start a child execution (TestState's cannot: it needs a mock).
      String why =
          TaskResources.startsExecution(request.resource())
              ? "' is not sent anywhere: it starts an execution, which only an execution's Task can"
              : "'";
      return new TaskOutcome.Failed(
          ErrorNames.RUNTIME, "No route for resource '" + request.resource() + why);
    }
    return switch (target.get()) {
      case Target.Endpoint endpoint ->
          post(
              request,
              context,
              endpoint,
              Json.write(request.payload()),
              trace,
              answer -> EndpointAnswers.outcome(answer, bodyLimit));
      case Target.HttpInvoke ignored -> callHttpInvoke(request, context, trace);
      case Target.LambdaInvoke ignored -> callLambda(request, context, trace);
    };
  }

  /**
   * Invokes the Lambda function a {@code lambda:invoke} Task names: its route's endpoint gets the
   * {@code Payload}; a function no route serves fails as Lambda fails an unknown one.
   */
  private TaskOutcome callLambda(TaskRequest request, CallContext context, ExchangeTrace trace) {
    LambdaInvocation call;
    try {
      call = LambdaInvocation.from(request.payload(), account);
    } catch (IllegalArgumentException e) {
      return new TaskOutcome.Failed(ErrorNames.RUNTIME, e.getMessage());
    }
    var endpoint = routes.functionRoute(call.function());
    if (endpoint.isEmpty()) {
      return new TaskOutcome.Failed(
          "Lambda.ResourceNotFoundException",
          "Function not found: "
              + call.function().arn()
              + " (FunctionName '"
              + call.functionName()
              + "'): no task route matches it; configure one under stepwise.tasks.routes");
    }
    if (LambdaInvocation.DRY_RUN.equals(call.type())) return LambdaInvokeAnswers.dryRun(call);
    TaskOutcome outcome =
        post(
            request,
            context,
            endpoint.get(),
            call.body(),
            trace,
            answer -> LambdaInvokeAnswers.outcome(answer, bodyLimit, call));
    return LambdaInvokeAnswers.withAwsErrorNames(outcome);
  }

  /** POSTs {@code body} as JSON to a route's (or a URL's) endpoint. */
  private TaskOutcome post(
      TaskRequest request,
      CallContext context,
      Target.Endpoint endpoint,
      String body,
      ExchangeTrace trace,
      Function<HttpResponse<BoundedBody>, TaskOutcome> onAnswer) {
    Duration timeout = timeout(request.timeout(), endpoint.timeout());
    HttpRequest httpRequest;
    try {
      var builder =
          HttpRequest.newBuilder(endpoint.url())
              .timeout(timeout)
              .POST(BodyPublishers.ofString(body));
      endpoint.headers().forEach((name, value) -> RequestHeaders.add(builder, name, value));
      builder.setHeader("Content-Type", "application/json");
      builder.setHeader("Accept", "application/json");
      RequestHeaders.identify(builder, request, context);
      httpRequest = builder.build();
    } catch (IllegalArgumentException e) {
      return CallFailures.invalidRequest(endpoint.url(), e);
    }
    trace.sent(httpRequest, body, endpoint.headers().keySet());
    return clients.exchange(endpoint.trusted(), httpRequest, timeout, trace, onAnswer);
  }

  private TaskOutcome callHttpInvoke(
      TaskRequest request, CallContext context, ExchangeTrace trace) {
    HttpInvokeParameters parameters;
    try {
      parameters = HttpInvokeParameters.from(request.payload());
    } catch (IllegalArgumentException e) {
      return new TaskOutcome.Failed(ErrorNames.RUNTIME, e.getMessage());
    }
    Duration timeout = timeout(request.timeout(), null);
    Map<String, String> credentials;
    try {
      credentials = connections.headers(parameters.connectionArn(), timeout);
    } catch (ConnectionFailure e) {
      return new TaskOutcome.Failed(e.error(), e.getMessage());
    }
    HttpRequest httpRequest;
    try {
      var body =
          parameters.body() == null
              ? BodyPublishers.noBody()
              : BodyPublishers.ofString(parameters.body());
      var builder =
          HttpRequest.newBuilder(parameters.uri())
              .timeout(timeout)
              .method(parameters.method(), body);
      parameters
          .headers()
          .forEach((name, values) -> values.forEach(v -> RequestHeaders.add(builder, name, v)));
      credentials.forEach(builder::setHeader);
      RequestHeaders.identify(builder, request, context);
      httpRequest = builder.build();
    } catch (IllegalArgumentException e) {
      return CallFailures.invalidRequest(parameters.uri(), e);
    }
    trace.sent(httpRequest, parameters.body(), credentials.keySet());
    return clients.exchange(
        false, httpRequest, timeout, trace, answer -> HttpInvokeAnswers.outcome(answer, bodyLimit));
  }

  private Duration timeout(Duration requested, Duration routeCap) {
    Duration timeout =
        requested == null || requested.isNegative() || requested.isZero()
            ? defaultTimeout
            : requested;
    return routeCap != null && routeCap.compareTo(timeout) < 0 ? routeCap : timeout;
  }

  @Override
  public void close() {
    clients.close();
  }

  /**
   * What a call needs to know of the execution beyond the {@link TaskRequest}: its id (sent as
   * {@code Stepwise-Execution-Id}), the key of one entry into the state, the same for each delivery
   * and retry (sent as {@code Idempotency-Key}), and the W3C trace the call continues ({@code
   * traceparent} and {@code tracestate}; null for none).
   */
  public record CallContext(
      String executionId, String idempotencyKey, String traceParent, String traceState) {
    /** A call that carries no trace. */
    public CallContext(String executionId, String idempotencyKey) {
      this(executionId, idempotencyKey, null, null);
    }
  }
}
