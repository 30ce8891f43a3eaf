package dev.stepwise.execution;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.jsonata.JsonataExpression;
import dev.stepwise.asl.model.TaskState;
import dev.stepwise.engine.TaskResources;
import dev.stepwise.statemachine.TaskResourceCheck;
import dev.stepwise.task.AwsAccount;
import dev.stepwise.task.DefinitionDestinations;
import dev.stepwise.task.LambdaFunction;
import dev.stepwise.task.TaskRoutes;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells definition validation which Tasks can run here: a resource the configured routes serve (or
 * an activity); a {@code lambda:invoke} whose {@code FunctionName}, when written out, names a
 * function a route serves (a computed one is checked when the Task runs); a {@code
 * states:startExecution} in one of its patterns with a {@code StateMachineArn}. The state machine
 * such an ARN names is not looked for: as on AWS, it may be created later. And what a definition's
 * literal URLs and connections the egress policy and configuration refuse.
 */
@Component
class RoutableResources implements TaskResourceCheck {
  private static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
  private static final String INVALID_RESOURCE = "INVALID_RESOURCE";

  private final TaskRoutes routes;
  private final AwsAccount account;
  private final DefinitionDestinations destinations;

  RoutableResources(TaskRoutes routes, AwsAccount account, DefinitionDestinations destinations) {
    this.routes = routes;
    this.account = account;
    this.destinations = destinations;
  }

  @Override
  public List<Problem> problems(TaskState task) {
    String resource = task.resource();
    if (TaskResources.startsExecution(resource)) return required(task, "StateMachineArn");
    if (!routes.isRoutable(resource)) {
      return List.of(
          new Problem(
              INVALID_RESOURCE,
              "No task route matches the resource '"
                  + resource
                  + "'; configure one under stepwise.tasks.routes",
              "/Resource"));
    }
    if (TaskRoutes.LAMBDA_INVOKE.equals(TaskRoutes.baseResource(resource))) return function(task);
    return List.of();
  }

  private List<Problem> function(TaskState task) {
    var missing = required(task, "FunctionName");
    if (!missing.isEmpty()) return missing;
    Field name = Field.of(task, "FunctionName");
    Field qualifier = Field.of(task, "Qualifier");
    if (!name.literal() || (qualifier.present() && !qualifier.literal())) return List.of();
    if (!(name.value() instanceof String text)) {
      return List.of(new Problem(SCHEMA, "FunctionName must be a string", name.pointer()));
    }
    String given = qualifier.value() instanceof String q ? q : null;
    var function = LambdaFunction.parse(text, given, account);
    if (function.isEmpty()) {
      return List.of(
          new Problem(
              SCHEMA,
              "'"
                  + text
                  + "' is not a Lambda function name, partial ARN or ARN"
                  + (given == null ? "" : " with the Qualifier '" + given + "'"),
              name.pointer()));
    }
    if (routes.functionRoute(function.get()).isPresent()) return List.of();
    return List.of(
        new Problem(
            INVALID_RESOURCE,
            "No task route matches the Lambda function '"
                + function.get().arn()
                + "'; configure one under stepwise.tasks.routes",
            name.pointer()));
  }

  private static List<Problem> required(TaskState task, String name) {
    Field field = Field.of(task, name);
    if (field.present()) return List.of();
    return List.of(
        new Problem(
            SCHEMA,
            "The field '" + name + "' is required for the resource '" + task.resource() + "'",
            field.pointer()));
  }

  /**
   * A parameter of a Task as written in its {@code Parameters} (JSONPath) or {@code Arguments}
   * (JSONata): absent (its pointer then names where it belongs), computed, or a literal value.
   */
  private record Field(String pointer, boolean present, boolean literal, Object value) {
    static Field of(TaskState task, String name) {
      boolean jsonata = task.flow().jsonata();
      String at = jsonata ? "/Arguments" : "/Parameters";
      Object template;
      if (jsonata) {
        var arguments = task.flow().field("Arguments");
        template = arguments == null ? null : arguments.value();
        // Arguments computed as a whole: nothing can be said before the Task runs.
        if (JsonataExpression.isExpression(template)) return new Field(at, true, false, null);
      } else {
        template = task.parameters() == null ? null : task.parameters().template();
      }
      if (!(template instanceof Map<?, ?> fields)) return new Field(at, false, false, null);
      if (!jsonata && fields.containsKey(name + ".$")) {
        return new Field(at + "/" + name + ".$", true, false, null);
      }
      if (!fields.containsKey(name)) return new Field(at, false, false, null);
      Object value = fields.get(name);
      boolean computed = jsonata && JsonataExpression.isExpression(value);
      return new Field(at + "/" + name, true, !computed, value);
    }
  }

  @Override
  public List<Diagnostic> destinationProblems(TaskState task, String location) {
    return destinations.problems(task, location);
  }
}
