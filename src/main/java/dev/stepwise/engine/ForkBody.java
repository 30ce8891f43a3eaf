package dev.stepwise.engine;

import com.jayway.jsonpath.PathNotFoundException;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.model.ParallelState;
import dev.stepwise.asl.model.State;
import dev.stepwise.asl.path.Bindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parallel and Map states: fork child tokens (one per branch or item), then join their outputs
 * into one result array, in branch or item order.
 */
final class ForkBody {
  private ForkBody() {}

  static Run.Outcome parallel(Run run, ParallelState parallel, Token token) {
    Bindings bindings = run.bindings(token, token.input());
    Bindings effective = bindings.withInput(StateIo.inputPath(parallel.io(), bindings));
    Object branchInput = StateIo.parameters(parallel.parameters(), effective);
    run.event("ParallelStateStarted");
    var children = new ArrayList<Token>();
    for (int i = 0; i < parallel.branches().size(); i++) {
      String scope = Scopes.branch(parallel.name(), i);
      children.add(Token.start(scope, run.startAt(scope), branchInput));
    }
    return run.done(token.with(Phase.FORK, null), new Effect.Fork(children, 0));
  }

  static Run.Outcome map(Run run, MapState map, Token token) {
    Bindings bindings = run.bindings(token, token.input());
    Bindings effective = bindings.withInput(StateIo.inputPath(map.io(), bindings));
    List<?> items = items(map, effective);
    int maxConcurrency = maxConcurrency(map, effective);
    run.event("MapStateStarted", "length", items.size());
    if (items.isEmpty()) {
      run.event("MapStateSucceeded");
      return joined(run, map, token, List.of());
    }
    @SuppressWarnings("unchecked")
    var context = (Map<String, Object>) effective.context();
    var children = new ArrayList<Token>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      Object itemInput =
          map.itemSelector() == null
              ? item
              : map.itemSelector()
                  .evaluate(
                      new Bindings(
                          effective.input(),
                          ContextObject.withMapItem(context, i, item),
                          effective.variables()));
      children.add(Token.start(map.name(), run.startAt(map.name()), itemInput));
    }
    return run.done(token.with(Phase.FORK, null), new Effect.Fork(children, maxConcurrency));
  }

  /** The join: the children's outputs are the state's result. */
  static Run.Outcome joined(Run run, State state, Token token, List<Object> outputs) {
    Bindings bindings = run.bindings(token, token.input());
    var result = new ArrayList<>(outputs);
    return switch (state) {
      case ParallelState p -> {
        Object selected =
            p.resultSelector() == null ? result : p.resultSelector().evaluate(bindings.withInput(result));
        Object placed = StateIo.resultPath(p.resultPath(), token.input(), selected);
        yield run.exit(p, p.transition(), StateIo.outputPath(p.io(), bindings.withInput(placed)));
      }
      case MapState m -> {
        Object selected =
            m.resultSelector() == null ? result : m.resultSelector().evaluate(bindings.withInput(result));
        Object placed = StateIo.resultPath(m.resultPath(), token.input(), selected);
        yield run.exit(m, m.transition(), StateIo.outputPath(m.io(), bindings.withInput(placed)));
      }
      default -> throw new IllegalStateException(state.name() + " does not fork");
    };
  }

  private static List<?> items(MapState map, Bindings effective) {
    Object items;
    try {
      items = map.itemsPath().equals("$") ? effective.input() : effective.read(map.itemsPath());
    } catch (PathNotFoundException e) {
      throw StatesError.runtime(
          "Invalid path '" + map.itemsPath() + "' : " + e.getMessage());
    }
    if (!(items instanceof List<?> list)) {
      throw StatesError.runtime(
          "Map state input must be an array, but the ItemsPath '"
              + map.itemsPath()
              + "' selected: "
              + Json.write(items));
    }
    return list;
  }

  private static int maxConcurrency(MapState map, Bindings effective) {
    if (map.maxConcurrencyPath() == null) return map.maxConcurrency();
    Object value;
    try {
      value = effective.read(map.maxConcurrencyPath());
    } catch (PathNotFoundException e) {
      throw StatesError.runtime(
          "Invalid path '" + map.maxConcurrencyPath() + "' : " + e.getMessage());
    }
    if (!Json.isIntegral(value) || ((Number) value).longValue() < 0) {
      throw StatesError.runtime(
          "The MaxConcurrencyPath field refers to value \""
              + Json.write(value)
              + "\" which is not a valid integer: "
              + map.maxConcurrencyPath());
    }
    return (int) Math.min(Integer.MAX_VALUE, ((Number) value).longValue());
  }
}
