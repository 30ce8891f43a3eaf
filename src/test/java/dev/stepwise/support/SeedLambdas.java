package dev.stepwise.support;

import dev.stepwise.support.TestEndpoint.Answer;
import java.util.Map;

/**
 * The Lambda functions the article's three definitions name, as real HTTP endpoints, and the task
 * routes that send each function's ARN to its endpoint: the definitions run unchanged.
 */
public final class SeedLambdas {
  private SeedLambdas() {}

  /** An endpoint answering as the article's functions do; {@code Unreliable*} always fails. */
  public static TestEndpoint start() {
    var lambdas = new TestEndpoint();
    lambdas.on("/first", call -> Answer.ok(Map.of("first", call.body())));
    lambdas.on("/second", call -> Answer.ok(Map.of("second", call.body())));
    lambdas.on("/a", call -> Answer.ok("A"));
    lambdas.on("/b", call -> Answer.ok("B"));
    lambdas.on("/unreliable", call -> new Answer(500, Map.of("message", "boom")));
    return lambdas;
  }

  /** The service's properties routing each function to {@code lambdas}. */
  public static Map<String, Object> routes(TestEndpoint lambdas) {
    return Map.of(
        "stepwise.tasks.routes[0].resource",
        "arn:aws:lambda:*:*:function:FirstFunction",
        "stepwise.tasks.routes[0].url",
        lambdas.url("/first"),
        "stepwise.tasks.routes[1].resource",
        "arn:aws:lambda:*:*:function:SecondFunction",
        "stepwise.tasks.routes[1].url",
        lambdas.url("/second"),
        "stepwise.tasks.routes[2].resource",
        "arn:aws:lambda:*:*:function:TaskA",
        "stepwise.tasks.routes[2].url",
        lambdas.url("/a"),
        "stepwise.tasks.routes[3].resource",
        "arn:aws:lambda:*:*:function:TaskB",
        "stepwise.tasks.routes[3].url",
        lambdas.url("/b"),
        "stepwise.tasks.routes[4].resource",
        "arn:aws:lambda:*:*:function:Unreliable*",
        "stepwise.tasks.routes[4].url",
        lambdas.url("/unreliable"));
  }
}
