package dev.stepwise.task;

import dev.stepwise.engine.TaskResources;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides where a Task {@code Resource} is sent: a URL is its own endpoint, {@code
 * arn:aws:states:::http:invoke} is AWS's HTTP Task, {@code arn:aws:states:::lambda:invoke} goes to
 * the route of the function it names ({@link #functionRoute}), and any other name goes to the first
 * configured route whose pattern matches it.
 */
@Component
public class TaskRoutes {
  public static final String HTTP_INVOKE = "arn:aws:states:::http:invoke";
  public static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
  public static final String WAIT_FOR_TASK_TOKEN = ".waitForTaskToken";

  private final List<CompiledRoute> routes;

  public TaskRoutes(TaskProperties properties) {
    this.routes = properties.routes().stream().map(TaskRoutes::compile).toList();
  }

  /** The target of a resource, or empty when nothing serves it. */
  public Optional<Target> resolve(String resource) {
    if (resource == null) return Optional.empty();
    String base = baseResource(resource);
    if (HTTP_INVOKE.equals(base)) return Optional.of(new Target.HttpInvoke());
    if (LAMBDA_INVOKE.equals(base)) return Optional.of(new Target.LambdaInvoke());
    if (isHttpUrl(base)) {
      return httpUri(base).map(url -> new Target.Endpoint(url, Map.of(), null));
    }
    return first(base).map(Target.class::cast);
  }

  /**
   * The endpoint of a Lambda function: the first route matching its ARN, qualifier included, or
   * else the first matching its unqualified ARN (so one route serves a function's versions and
   * aliases unless one of them has its own).
   */
  public Optional<Target.Endpoint> functionRoute(LambdaFunction function) {
    return first(function.arn()).or(() -> first(function.unqualifiedArn()));
  }

  private Optional<Target.Endpoint> first(String name) {
    return routes.stream()
        .filter(route -> route.pattern().matches(name))
        .findFirst()
        .map(CompiledRoute::target);
  }

  /** Whether a definition naming this resource can run; checked when the definition is saved. */
  public boolean isRoutable(String resource) {
    // An activity's workers pull its tasks: there is nothing to route.
    return resolve(resource).isPresent() || TaskResources.activityName(resource) != null;
  }

  /** The resource without its {@code .waitForTaskToken} suffix, which changes how, not where. */
  public static String baseResource(String resource) {
    return resource.endsWith(WAIT_FOR_TASK_TOKEN)
        ? resource.substring(0, resource.length() - WAIT_FOR_TASK_TOKEN.length())
        : resource;
  }

  private static boolean isHttpUrl(String resource) {
    return resource.startsWith("http://") || resource.startsWith("https://");
  }

  private static Optional<URI> httpUri(String text) {
    try {
      URI uri = new URI(text);
      return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  // A bad route is a configuration mistake: refuse to start rather than fail every call later.
  private static CompiledRoute compile(TaskProperties.Route route) {
    if (route.resource() == null || route.resource().isBlank()) {
      throw new IllegalStateException("stepwise.tasks.routes: a route has no resource");
    }
    String url = route.url();
    URI uri = url == null || !isHttpUrl(url) ? null : httpUri(url).orElse(null);
    if (uri == null) {
      throw new IllegalStateException(
          "stepwise.tasks.routes: the route for '"
              + route.resource()
              + "' needs an http:// or https:// url, not '"
              + url
              + "'");
    }
    return new CompiledRoute(
        new ResourcePattern(route.resource()),
        new Target.Endpoint(uri, route.headers(), route.timeout(), true));
  }

  private record CompiledRoute(ResourcePattern pattern, Target.Endpoint target) {}
}
