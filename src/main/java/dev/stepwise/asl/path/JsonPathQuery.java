package dev.stepwise.asl.path;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.mapper.Jackson3MappingProvider;
import dev.stepwise.asl.EvaluationBudget;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;

/**
 * Evaluates ASL paths with Jayway JsonPath, the library AWS Step Functions itself uses (its error
 * causes quote Jayway's messages), so filters, slices and wildcards behave as they do on AWS. A
 * path starting with {@code $$} reads the context object instead of the state's input.
 */
public final class JsonPathQuery {
  private static final Configuration CONFIGURATION =
      Configuration.builder()
          .jsonProvider(new TimedJsonProvider(Json.mapper()))
          .mappingProvider(new Jackson3MappingProvider(Json.mapper()))
          .build();

  private JsonPathQuery() {}

  /**
   * Reads {@code path} from {@code input}, or from {@code context} for a {@code $$} path.
   *
   * @throws PathNotFound when a definite path selects nothing
   * @throws InvalidPathException when the path is not JSONPath
   */
  public static Object read(String path, Object input, Object context) {
    boolean contextPath = path.startsWith("$$");
    JsonPath compiled = compile(contextPath ? path.substring(1) : path);
    try {
      // One budget for the whole read, which the JSON provider checks as it walks.
      return EvaluationBudget.within(
          EvaluationBudget.current(),
          () -> compiled.read(contextPath ? context : input, CONFIGURATION));
    } catch (PathNotFoundException e) {
      // A path that can select several nodes selects none here: AWS gives an empty array.
      if (!compiled.isDefinite()) return new java.util.ArrayList<>();
      throw new PathNotFound(e.getMessage(), e);
    } catch (RuntimeException e) {
      EvaluationBudget.Exceeded exceeded = EvaluationBudget.exceeded(e);
      if (exceeded == null) throw e;
      throw StatesError.runtime(
          "The path '" + path + "' could not be evaluated. " + exceeded.getMessage());
    }
  }

  /**
   * Compiles a path. Inside a quoted bracket name AWS takes a backslash literally (only an escaped
   * quote is an escape), where Jayway would drop it, so such backslashes are doubled.
   */
  static JsonPath compile(String path) {
    return JsonPath.compile(path.indexOf('\\') < 0 ? path : literalBackslashes(path));
  }

  private static String literalBackslashes(String path) {
    var out = new StringBuilder(path.length() + 8);
    char quote = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quote == 0) {
        if ((c == '\'' || c == '"') && i > 0 && path.charAt(i - 1) == '[') quote = c;
        out.append(c);
      } else if (c == '\\') {
        boolean escapesQuote =
            i + 1 < path.length()
                && path.charAt(i + 1) == quote
                && (i + 2 >= path.length() || path.charAt(i + 2) != ']');
        out.append(escapesQuote ? "\\" : "\\\\");
        if (escapesQuote) out.append(path.charAt(++i));
      } else {
        if (c == quote && i + 1 < path.length() && path.charAt(i + 1) == ']') quote = 0;
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Whether {@code path} compiles as a JSONPath (a {@code $$} path reads the context object, a
   * {@code $name} path a variable).
   */
  public static boolean isValid(String path) {
    if (path == null || !path.startsWith("$")) return false;
    if (path.length() > 1 && Bindings.isVariableStart(path.charAt(1))) {
      int end = 1;
      while (end < path.length() && Bindings.isVariablePart(path.charAt(end))) end++;
      path = "$" + path.substring(end);
    }
    try {
      compile(path.startsWith("$$") ? path.substring(1) : path);
      return true;
    } catch (InvalidPathException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether the path can select several values (wildcards, filters, slices, deep scans). */
  public static boolean isDefinite(String path) {
    return compile(path.startsWith("$$") ? path.substring(1) : path).isDefinite();
  }
}
