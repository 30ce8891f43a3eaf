package dev.stepwise.task;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Definitions written for AWS's optimized Lambda integration ({@code
 * arn:aws:states:::lambda:invoke}) run unchanged against the service and PostgreSQL. What their
 * tests share: one instance per test class, with an endpoint serving the functions routed by ARN.
 */
abstract class LambdaInvokeSupport {
  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.on(
        "/greet",
        call -> {
          @SuppressWarnings("unchecked")
          var body = (Map<String, Object>) call.body();
          return Answer.ok(Map.of("greeting", "hello " + body.get("name")));
        });
    endpoint.on("/charge", call -> Answer.ok(Map.of("charged", "any version")));
    endpoint.on("/charge-prod", call -> Answer.ok(Map.of("charged", "prod")));
    endpoint.on(
        "/declined",
        call ->
            new Answer(
                500,
                Map.of(
                    "errorType", "CardDeclined",
                    "errorMessage", "insufficient funds",
                    "trace", List.of())));
    endpoint.on("/review", call -> Answer.ok(Map.of("queued", true)));
    stepwise =
        StepwiseInstance.start(
            Map.of(
                "stepwise.tasks.routes[0].resource",
                "arn:aws:lambda:*:*:function:Greet",
                "stepwise.tasks.routes[0].url",
                endpoint.url("/greet"),
                "stepwise.tasks.routes[1].resource",
                "arn:aws:lambda:us-east-1:123456789012:function:Charge:prod",
                "stepwise.tasks.routes[1].url",
                endpoint.url("/charge-prod"),
                "stepwise.tasks.routes[2].resource",
                "arn:aws:lambda:us-east-1:123456789012:function:Charge",
                "stepwise.tasks.routes[2].url",
                endpoint.url("/charge"),
                "stepwise.tasks.routes[3].resource",
                "arn:aws:lambda:*:*:function:Declined",
                "stepwise.tasks.routes[3].url",
                endpoint.url("/declined"),
                "stepwise.tasks.routes[4].resource",
                "arn:aws:lambda:*:*:function:Review",
                "stepwise.tasks.routes[4].url",
                endpoint.url("/review")));
  }

  @AfterAll
  static void stop() {
    stepwise.close();
    endpoint.close();
  }

  static Api api() {
    return stepwise.api();
  }
}
