package dev.stepwise.engine;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.model.IoPaths;
import dev.stepwise.asl.model.PayloadTemplate;
import dev.stepwise.asl.model.ResultPath;
import dev.stepwise.asl.path.Bindings;
import dev.stepwise.asl.path.PathNotFound;
import java.util.LinkedHashMap;

/**
 * The specification's input and output processing: InputPath, Parameters, ResultSelector,
 * ResultPath and OutputPath, with the runtime errors AWS raises when a path selects nothing.
 */
final class StateIo {
  private StateIo() {}

  /** InputPath: null (an explicit JSON null) gives an empty object. */
  static Object inputPath(IoPaths io, Bindings bindings) {
    return select(io.inputPath(), bindings);
  }

  static Object outputPath(IoPaths io, Bindings bindings) {
    return select(io.outputPath(), bindings);
  }

  private static Object select(String path, Bindings bindings) {
    if (path == null) return new LinkedHashMap<String, Object>();
    if (path.equals("$")) return bindings.input();
    try {
      return bindings.read(path);
    } catch (PathNotFound e) {
      throw StatesError.runtime("Invalid path '" + path + "' : " + e.getMessage());
    }
  }

  /** Parameters (or ItemSelector), when the state has them. */
  static Object parameters(PayloadTemplate template, Bindings bindings) {
    return template == null ? bindings.input() : template.evaluate(bindings);
  }

  /**
   * ResultPath: where the result goes in the state's raw input.
   *
   * @throws StatesError {@code States.ResultPathMatchFailure} when the path runs into a value that
   *     is not an object
   */
  static Object resultPath(ResultPath resultPath, Object rawInput, Object result) {
    if (resultPath.path() == null) return rawInput;
    if (resultPath.path().isRoot()) return result;
    try {
      return resultPath.path().set(rawInput, result);
    } catch (IllegalStateException e) {
      throw new StatesError(
          ErrorNames.RESULT_PATH_MATCH_FAILURE,
          "Unable to apply ResultPath '"
              + resultPath.path()
              + "' to input '"
              + Json.write(rawInput)
              + "': "
              + e.getMessage());
    }
  }

  /** Fails with {@code States.DataLimitExceeded} when an output is over the payload limit. */
  static void checkSize(String stateName, Object output, int limitBytes) {
    if (written(stateName, output).getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        > limitBytes) {
      throw new StatesError(
          ErrorNames.DATA_LIMIT_EXCEEDED,
          "The state/task '"
              + stateName
              + "' returned a result with a size exceeding the maximum number of bytes service"
              + " limit.");
    }
  }

  /**
   * The output as JSON text. An output nested deeper than {@link Json#MAX_DEPTH} fails the state
   * with {@code States.Runtime}: it could be neither stored nor shown.
   */
  static String written(String stateName, Object output) {
    try {
      return Json.writeValue(output);
    } catch (Json.TooDeepException e) {
      throw StatesError.runtime(
          "The state/task '"
              + stateName
              + "' returned a result nested deeper than the limit of "
              + Json.MAX_DEPTH
              + " levels");
    }
  }
}
