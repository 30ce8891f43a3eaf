package dev.stepwise.security;

import jakarta.servlet.DispatcherType;
import java.util.stream.Stream;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The role each native API call needs, by method and path. Reads are {@code viewer}'s (but polling
 * an activity, which claims a task, is {@code operator}'s); running things is {@code operator}'s;
 * defining things is {@code author}'s; any other {@code /v1} call is {@code admin}'s, so that a new
 * endpoint is closed until it is placed here. Health and (by default) Prometheus are public for
 * probes and scrapers; a console's static files are public (its API calls are not).
 */
final class NativeAccess {
  /** The routes that answer the console's shell (the page's script draws what they name). */
  static final String[] CONSOLE_PAGES = {
    "/",
    "/index.html",
    "/state-machines",
    "/state-machines/*",
    "/editor",
    "/executions",
    "/executions/*",
    "/approvals",
    "/overview"
  };

  /** The console's static files and its pages (no data in either). */
  static final String[] CONSOLE_ASSETS =
      Stream.concat(
              Stream.of("/favicon.ico", "/console/**", "/webjars/**", "/assets/**"),
              Stream.of(CONSOLE_PAGES))
          .toArray(String[]::new);

  private NativeAccess() {}

  static void rules(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry a,
      boolean publicPrometheus) {
    String viewer = Role.VIEWER.configName();
    String operator = Role.OPERATOR.configName();
    String author = Role.AUTHOR.configName();
    a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
        .permitAll()
        .requestMatchers(EndpointRequest.to("health"))
        .permitAll();
    if (publicPrometheus) {
      a.requestMatchers(EndpointRequest.to("prometheus")).permitAll();
    }
    a.requestMatchers(EndpointRequest.toAnyEndpoint())
        .hasRole(viewer)
        // How to sign in: the console asks before anything else.
        .requestMatchers(HttpMethod.GET, ConsoleLoginController.PATH)
        .permitAll()
        // The console's own reads are data, not assets: the waiting Tasks hand out task tokens.
        .requestMatchers(HttpMethod.GET, "/console/api/approvals")
        .hasRole(operator)
        .requestMatchers("/console/api/**")
        .hasRole(viewer)
        .requestMatchers(HttpMethod.GET, CONSOLE_ASSETS)
        .permitAll()
        .requestMatchers(HttpMethod.GET, "/v1/activities/*/task")
        .hasRole(operator)
        .requestMatchers(HttpMethod.GET, "/v1/**")
        .hasRole(viewer)
        .requestMatchers(
            HttpMethod.POST,
            "/v1/state-machines/*/executions",
            "/v1/executions/*/stop",
            "/v1/executions/*/redrive",
            "/v1/task-tokens/**")
        .hasRole(operator)
        .requestMatchers(
            HttpMethod.POST,
            "/v1/state-machines",
            "/v1/state-machines/*/versions",
            "/v1/activities",
            "/v1/test-state",
            "/v1/definitions/validate")
        .hasRole(author)
        .requestMatchers(HttpMethod.PUT, "/v1/state-machines/**")
        .hasRole(author)
        .requestMatchers(HttpMethod.DELETE, "/v1/state-machines/**")
        .hasRole(author)
        .requestMatchers("/v1/**")
        .hasRole(Role.ADMIN.configName())
        .anyRequest()
        .authenticated();
  }

  /**
   * The console signed in through the OpenID Connect provider: its pages and JSON need the login,
   * the same roles as above guard its reads, and its static files stay public. What it calls
   * through {@code /console/v1} meets the API's rules on the forward.
   */
  static void consoleRules(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry a) {
    a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
        .permitAll()
        .requestMatchers(HttpMethod.GET, ConsoleLoginController.PATH)
        .authenticated()
        .requestMatchers(HttpMethod.GET, "/console/api/approvals")
        .hasRole(Role.OPERATOR.configName())
        .requestMatchers("/console/api/**")
        .hasRole(Role.VIEWER.configName())
        .requestMatchers(ConsoleRelay.PREFIX + "**")
        .authenticated()
        .requestMatchers(HttpMethod.GET, CONSOLE_PAGES)
        .authenticated()
        .anyRequest()
        .permitAll();
  }
}
