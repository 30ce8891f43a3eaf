package dev.stepwise.engine;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.intrinsic.IntrinsicFunctions;
import dev.stepwise.asl.intrinsic.IntrinsicPathNotFoundException;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.model.FailState;
import dev.stepwise.asl.path.Bindings;
import dev.stepwise.asl.path.PathNotFound;

/** A Fail state: ends its token with {@code Error} and {@code Cause}, literal or from paths. */
final class FailBody {
  private FailBody() {}

  static Run.Flow run(Run run, FailState fail, Token token) {
    if (fail.flow().jsonata()) {
      JsonataScope scope = run.jsonataScope(token);
      String error = text(fail.error(), "Error", fail, scope);
      String cause = text(fail.cause(), "Cause", fail, scope);
      return run.done(token.restart(), new Effect.Failed(error, cause));
    }
    Bindings bindings = run.bindings(token, token.input());
    String error =
        fail.error() != null ? fail.error() : read(fail.errorPath(), "ErrorPath", bindings);
    String cause =
        fail.cause() != null ? fail.cause() : read(fail.causePath(), "CausePath", bindings);
    return run.done(token.restart(), new Effect.Failed(error, cause));
  }

  /** A JSONata Fail state's {@code Error} or {@code Cause}: literal, or an expression's string. */
  private static String text(String literal, String field, FailState fail, JsonataScope scope) {
    if (literal != null || fail.flow().field(field) == null) return literal;
    Object value = JsonataIo.field(fail.flow(), field, scope, null);
    return value instanceof String s ? s : Json.write(value);
  }

  private static String read(String path, String field, Bindings bindings) {
    if (path == null) return null;
    Object value;
    try {
      value =
          IntrinsicFunctions.isCall(path)
              ? IntrinsicFunctions.evaluate(path, bindings)
              : bindings.read(path);
    } catch (IntrinsicPathNotFoundException e) {
      throw StatesError.runtime(e.cause(field, bindings.input()));
    } catch (PathNotFound e) {
      throw StatesError.runtime(
          "The JSONPath '"
              + path
              + "' specified for the field '"
              + field
              + "' could not be found in the input '"
              + Json.write(bindings.input())
              + "'");
    }
    return value instanceof String s ? s : Json.write(value);
  }
}
