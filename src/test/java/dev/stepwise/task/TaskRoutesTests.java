package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class TaskRoutesTests {

  private static TaskProperties.Route route(String resource, String url) {
    return new TaskProperties.Route(resource, url, null, null);
  }

  private static TaskRoutes routes(TaskProperties.Route... routes) {
    return new TaskRoutes(new TaskProperties(List.of(routes), null, null));
  }

  private static URI urlOf(Optional<Target> target) {
    assertThat(target).containsInstanceOf(Target.Endpoint.class);
    return ((Target.Endpoint) target.orElseThrow()).url();
  }

  @Test
  void activityArnsOfAnyRegionAndAccountNeedNoRoute() {
    assertThat(routes().isRoutable("arn:aws:states:us-east-1:123456789012:activity:review"))
        .isTrue();
    assertThat(routes().isRoutable("arn:aws:states:::activity:review")).isTrue();
    assertThat(routes().isRoutable("arn:aws:states:us-east-1:1:activity:")).isFalse();
    assertThat(routes().isRoutable("arn:aws:states:us-east-1:1:stateMachine:x")).isFalse();
  }

  @Test
  void aUrlResourceIsItsOwnTarget() {
    var target = routes().resolve("https://api.example.com/charge?x=1");

    assertThat(target)
        .contains(
            new Target.Endpoint(URI.create("https://api.example.com/charge?x=1"), Map.of(), null));
    assertThat(urlOf(routes().resolve("http://127.0.0.1:8080/"))).hasPort(8080);
  }

  @Test
  void aMalformedUrlResourceIsNotRoutable() {
    assertThat(routes().resolve("http://")).isEmpty();
    assertThat(routes().resolve("https://bad host/")).isEmpty();
  }

  @Test
  void httpInvokeIsTheHttpTask() {
    assertThat(routes().resolve("arn:aws:states:::http:invoke")).contains(new Target.HttpInvoke());
  }

  @Test
  void theFirstMatchingRouteWins() {
    var routes =
        routes(
            route("arn:aws:lambda:*:*:function:First", "http://first/"),
            route("arn:aws:lambda:*", "http://any-lambda/"),
            route("arn:aws:lambda:us-east-1:1:function:First", "http://never/"));

    assertThat(urlOf(routes.resolve("arn:aws:lambda:us-east-1:1:function:First")))
        .isEqualTo(URI.create("http://first/"));
    assertThat(urlOf(routes.resolve("arn:aws:lambda:eu-west-1:2:function:Second")))
        .isEqualTo(URI.create("http://any-lambda/"));
  }

  @Test
  void starsMatchAnyRunInSeveralPlaces() {
    var routes = routes(route("arn:*:lambda:*:function:*-prod", "http://prod/"));

    assertThat(routes.isRoutable("arn:aws:lambda:us-east-1:123:function:Charge-prod")).isTrue();
    assertThat(routes.isRoutable("arn:aws-cn:lambda:cn-north-1:9:function:a:b-prod")).isTrue();
    assertThat(routes.isRoutable("arn::lambda::function:-prod")).as("empty runs").isTrue();
    assertThat(routes.isRoutable("arn:aws:lambda:us-east-1:123:function:Charge-dev")).isFalse();
  }

  @Test
  void patternsMatchTheWholeResourceOnly() {
    var routes = routes(route("arn:aws:lambda:us-east-1:1:function:Charge", "http://charge/"));

    assertThat(routes.isRoutable("arn:aws:lambda:us-east-1:1:function:Charge")).isTrue();
    assertThat(routes.isRoutable("arn:aws:lambda:us-east-1:1:function:ChargeMore")).isFalse();
    assertThat(routes.isRoutable("xarn:aws:lambda:us-east-1:1:function:Charge")).isFalse();
    assertThat(routes.isRoutable("arn:aws:lambda:us-east-1:1:function:charge"))
        .as("case matters")
        .isFalse();
  }

  @Test
  void everythingButStarIsLiteral() {
    var routes = routes(route("arn:aws:lambda:.+:(x)?[a]$", "http://literal/"));

    assertThat(routes.isRoutable("arn:aws:lambda:.+:(x)?[a]$")).isTrue();
    assertThat(routes.isRoutable("arn:aws:lambda:us:xa")).isFalse();
  }

  @Test
  void routesCarryTheirHeadersAndTimeout() {
    var routes =
        routes(
            new TaskProperties.Route(
                "Charge",
                "http://charge/",
                Map.of("Authorization", "Bearer t"),
                Duration.ofSeconds(7)));

    assertThat(routes.resolve("Charge"))
        .contains(
            new Target.Endpoint(
                URI.create("http://charge/"),
                Map.of("Authorization", "Bearer t"),
                Duration.ofSeconds(7),
                true));
  }

  @Test
  void waitForTaskTokenIsStrippedBeforeMatching() {
    var routes = routes(route("arn:aws:lambda:*:function:Approve", "http://approve/"));

    assertThat(
            urlOf(routes.resolve("arn:aws:lambda:us-east-1:1:function:Approve.waitForTaskToken")))
        .isEqualTo(URI.create("http://approve/"));
    assertThat(urlOf(routes.resolve("https://hook.example.com/x.waitForTaskToken")))
        .isEqualTo(URI.create("https://hook.example.com/x"));
    assertThat(routes.resolve("arn:aws:states:::http:invoke.waitForTaskToken"))
        .contains(new Target.HttpInvoke());
    assertThat(TaskRoutes.baseResource("a.waitForTaskToken.waitForTaskToken"))
        .isEqualTo("a.waitForTaskToken");
  }

  @Test
  void unmatchedResourcesAreNotRoutable() {
    var routes = routes(route("arn:aws:lambda:*", "http://lambda/"));

    assertThat(routes.isRoutable("arn:aws:states:::sqs:sendMessage")).isFalse();
    assertThat(routes.resolve("arn:aws:states:::sqs:sendMessage")).isEmpty();
    assertThat(routes.isRoutable(null)).isFalse();
    assertThat(routes().isRoutable("arn:aws:lambda:us-east-1:1:function:F")).isFalse();
  }

  @Test
  void aRouteWithoutAnHttpUrlIsRefusedAtStartup() {
    assertThatThrownBy(() -> routes(route("Charge", "ftp://charge/")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Charge");
    assertThatThrownBy(() -> routes(route("Charge", null)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> routes(route(" ", "http://x/")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void bindsFromYamlStyleProperties() {
    var source =
        new MapConfigurationPropertySource(
            Map.of(
                "stepwise.tasks.routes[0].resource", "arn:aws:lambda:*:*:function:FirstFunction",
                "stepwise.tasks.routes[0].url", "http://first-function.internal/invoke",
                "stepwise.tasks.routes[0].headers.Authorization", "Bearer abc",
                "stepwise.tasks.routes[0].timeout", "30s",
                "stepwise.tasks.default-timeout", "90s"));

    var properties = new Binder(source).bind("stepwise.tasks", TaskProperties.class).get();

    assertThat(properties.defaultTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(properties.connectTimeout()).isEqualTo(TaskProperties.DEFAULT_CONNECT_TIMEOUT);
    assertThat(properties.routes())
        .containsExactly(
            new TaskProperties.Route(
                "arn:aws:lambda:*:*:function:FirstFunction",
                "http://first-function.internal/invoke",
                Map.of("Authorization", "Bearer abc"),
                Duration.ofSeconds(30)));
  }

  @Test
  void bindsFromTheEnvironment() {
    var environment =
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of(
                "STEPWISE_TASKS_ROUTES_0_RESOURCE", "arn:aws:lambda:*:*:function:First",
                "STEPWISE_TASKS_ROUTES_0_URL", "http://first/",
                "STEPWISE_TASKS_ROUTES_1_RESOURCE", "arn:aws:lambda:*",
                "STEPWISE_TASKS_ROUTES_1_URL", "http://rest/",
                "STEPWISE_TASKS_ROUTES_1_TIMEOUT", "5s",
                "STEPWISE_TASKS_CONNECT_TIMEOUT", "2s"));

    var properties =
        new Binder(ConfigurationPropertySources.from(environment))
            .bind("stepwise.tasks", TaskProperties.class)
            .get();
    var routes = new TaskRoutes(properties);

    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(properties.defaultTimeout()).isEqualTo(TaskProperties.DEFAULT_TIMEOUT);
    assertThat(urlOf(routes.resolve("arn:aws:lambda:r:1:function:First")))
        .isEqualTo(URI.create("http://first/"));
    assertThat(routes.resolve("arn:aws:lambda:r:1:function:Other"))
        .contains(
            new Target.Endpoint(URI.create("http://rest/"), Map.of(), Duration.ofSeconds(5), true));
  }
}
