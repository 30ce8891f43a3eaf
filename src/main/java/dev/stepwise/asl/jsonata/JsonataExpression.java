package dev.stepwise.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.EvaluationBudget;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;

/**
 * One JSONata expression, written in ASL as a whole string {@code "{% … %}"}. Evaluation failures
 * become {@code States.QueryEvaluationError} with the causes AWS reports.
 *
 * @param source the expression without its {@code {% %}} delimiters
 */
public record JsonataExpression(String source) {
  private static final int MAX_DEPTH = 500;

  /** Whether a JSON value is a JSONata expression (a string that is {@code {% … %}} as a whole). */
  public static boolean isExpression(Object value) {
    return value instanceof String s && s.startsWith("{%") && s.endsWith("%}") && s.length() >= 4;
  }

  public static JsonataExpression of(String delimited) {
    return new JsonataExpression(delimited.substring(2, delimited.length() - 2).trim());
  }

  /** The syntax error, or null when the expression compiles. */
  public String syntaxError() {
    try {
      Jsonata.jsonata(source);
      return null;
    } catch (JException e) {
      return e.getError() + ": " + e.getMessage() + " (at character " + e.getLocation() + ")";
    } catch (RuntimeException e) {
      return String.valueOf(e.getMessage());
    }
  }

  /**
   * The expression's JSON value.
   *
   * @param field where the expression stands ("Output/result"), quoted in error causes
   */
  public Object evaluate(JsonataScope scope, String field) {
    Object raw;
    try {
      if (BoundedFunctions.touchesReserved(source)) {
        throw failure(field, "threw an error during evaluation. It uses a reserved name.");
      }
      // Compiled per call: a compiled expression keeps evaluation state, so it is not shareable.
      Jsonata expression = Jsonata.jsonata(source);
      expression.setOutputConvertNulls(false);
      Jsonata.Frame frame = expression.createFrame();
      // A runaway expression must not hold a worker (nor its row locks): bound its time, depth
      // and memory, also inside the built-ins that loop on their own.
      var bounds = new JsonataBounds(EvaluationBudget.current(), MAX_DEPTH);
      bounds.install(frame);
      AwsFunctions.bindAll(frame, scope.random());
      BoundedFunctions.bindAll(frame, bounds);
      var shared = bounds.shared();
      scope
          .variables()
          .forEach((name, value) -> frame.bind(name, JsonataValues.toJsonata(value, shared)));
      frame.bind("states", JsonataValues.toJsonata(scope.states(), shared));
      raw = expression.evaluate(JsonataValues.toJsonata(scope.input(), shared), frame);
    } catch (StatesError e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      EvaluationBudget.Exceeded exceeded = EvaluationBudget.exceeded(e);
      if (exceeded != null) {
        throw failure(field, "threw an error during evaluation. " + exceeded.getMessage() + ".");
      }
      if (e instanceof JException j) {
        throw failure(
            field, "threw an error during evaluation. " + j.getError() + ": " + j.getMessage());
      }
      throw failure(field, "threw an error during evaluation. " + e.getMessage());
    }
    if (raw == null) throw failure(field, "returned nothing (undefined).");
    Object json = JsonataValues.toJson(raw);
    if (json == JsonataValues.UNSUPPORTED)
      throw failure(field, "returned an unsupported result type.");
    return json;
  }

  /** The failure for a result of the wrong JSON type ({@code expected}: "array", "boolean", …). */
  public StatesError unexpectedType(String field, String expected, Object value) {
    return failure(
        field,
        "returned an unexpected result type. Expected '"
            + expected
            + "', but was '"
            + Json.typeName(value)
            + "' for value: "
            + Json.write(value));
  }

  public StatesError failure(String field, String what) {
    return new StatesError(
        ErrorNames.QUERY_EVALUATION_ERROR,
        "The JSONata expression '" + source + "' specified for the field '" + field + "' " + what);
  }
}
