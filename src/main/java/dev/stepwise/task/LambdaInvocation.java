package dev.stepwise.task;

import dev.stepwise.asl.Json;
import java.util.Locale;
import java.util.Map;

/**
 * What an {@code arn:aws:states:::lambda:invoke} Task asks for, read from its payload with AWS's
 * parameter names: {@code FunctionName} (and {@code Qualifier}) name the function, whose ARN picks
 * the route; {@code Payload} is what the endpoint gets (an empty object when absent, as Lambda's
 * Invoke sends); {@code InvocationType} is {@code RequestResponse} (the default), {@code Event}
 * (the answer is not waited for in the result: {@code StatusCode} 202, empty {@code Payload}) or
 * {@code DryRun} (nothing is sent: 204). Other Invoke parameters ({@code ClientContext}, {@code
 * LogType}) mean nothing here and are ignored.
 *
 * @param body the request body: the {@code Payload} as JSON text
 */
record LambdaInvocation(String functionName, LambdaFunction function, String body, String type) {
  static final String REQUEST_RESPONSE = "RequestResponse";
  static final String EVENT = "Event";
  static final String DRY_RUN = "DryRun";

  /**
   * Reads the parameters; throws {@link IllegalArgumentException} naming the field at fault.
   * Whether a route serves the function is the caller's question.
   */
  static LambdaInvocation from(Object payload, AwsAccount account) {
    if (!(payload instanceof Map<?, ?> parameters)) {
      throw new IllegalArgumentException(
          "The lambda:invoke Task's parameters must be an object, not " + Json.typeName(payload));
    }
    if (!(parameters.get("FunctionName") instanceof String name)) {
      throw new IllegalArgumentException(
          "The lambda:invoke Task's FunctionName must be a string, not "
              + Json.typeName(parameters.get("FunctionName")));
    }
    Object qualifier = parameters.get("Qualifier");
    if (qualifier != null && !(qualifier instanceof String)) {
      throw new IllegalArgumentException(
          "The lambda:invoke Task's Qualifier must be a string, not " + Json.typeName(qualifier));
    }
    LambdaFunction function =
        LambdaFunction.parse(name, (String) qualifier, account)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The lambda:invoke Task's FunctionName '"
                            + name
                            + "' is not a function name, partial ARN or ARN"
                            + (qualifier == null
                                ? ""
                                : " with the Qualifier '" + qualifier + "'")));
    String body = parameters.containsKey("Payload") ? Json.write(parameters.get("Payload")) : "{}";
    return new LambdaInvocation(name, function, body, type(parameters.get("InvocationType")));
  }

  private static String type(Object value) {
    if (value == null) return REQUEST_RESPONSE;
    if (value instanceof String text) {
      for (String type : new String[] {REQUEST_RESPONSE, EVENT, DRY_RUN}) {
        if (type.toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) return type;
      }
    }
    throw new IllegalArgumentException(
        "The lambda:invoke Task's InvocationType must be RequestResponse, Event or DryRun, not "
            + Json.write(value));
  }
}
