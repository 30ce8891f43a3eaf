package dev.stepwise.engine;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.model.IoPaths;
import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.model.ParallelState;
import dev.stepwise.asl.model.PayloadTemplate;
import dev.stepwise.asl.model.ResultPath;
import dev.stepwise.asl.model.State;
import dev.stepwise.asl.path.Bindings;
import dev.stepwise.asl.path.PathNotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parallel and Map states: fork child tokens (one per branch or item), then join their outputs into
 * one result array, in branch or item order.
 */
final class ForkBody {
  private ForkBody() {}

  static Run.Flow parallel(Run run, ParallelState parallel, Token token) {
    Object branchInput;
    if (parallel.flow().jsonata()) {
      branchInput =
          JsonataIo.field(parallel.flow(), "Arguments", run.jsonataScope(token), token.input());
      run.probe().record(Inspected.AFTER_ARGUMENTS, branchInput);
    } else {
      Bindings bindings = run.bindings(token, token.input());
      Bindings effective = bindings.withInput(StateIo.inputPath(parallel.io(), bindings));
      run.probe().record(Inspected.AFTER_INPUT_PATH, effective.input());
      branchInput = StateIo.parameters(parallel.parameters(), effective);
      run.probe().record(Inspected.AFTER_PARAMETERS, branchInput);
    }
    run.event("ParallelStateStarted");
    var children = new ArrayList<Token>();
    for (int i = 0; i < parallel.branches().size(); i++) {
      String scope = Scopes.branch(parallel.name(), i);
      children.add(Token.start(scope, run.startAt(scope), branchInput, token.variables()));
    }
    var plan =
        new Fork.Plan(Fork.Kind.PARALLEL, parallel.name(), null, children.size(), 0, null, null);
    return run.done(token.with(Phase.FORK, pending(plan)), new Effect.StartFork(children, plan));
  }

  static Run.Flow map(Run run, MapState map, Token token) {
    if (map.flow().jsonata()) return jsonataMap(run, map, token);
    Bindings bindings = run.bindings(token, token.input());
    Bindings effective = bindings.withInput(StateIo.inputPath(map.io(), bindings));
    run.probe().record(Inspected.AFTER_INPUT_PATH, effective.input());
    List<?> items = items(map, effective);
    int maxConcurrency = maxConcurrency(map, effective);
    var distributed =
        map.distributed() == null ? null : DistributedMapBody.settings(map, effective);
    if (distributed != null) items = DistributedMapBody.limit(items, distributed);
    run.event("MapStateStarted", "length", items.size());
    if (items.isEmpty()) {
      run.event("MapStateSucceeded");
      return joined(run, map, token, List.of());
    }
    @SuppressWarnings("unchecked")
    var context = (Map<String, Object>) effective.context();
    var inputs = new ArrayList<Object>(items.size());
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
                          effective.variables(),
                          effective.random()));
      inputs.add(itemInput);
    }
    return fork(run, map, token, inputs, maxConcurrency, distributed);
  }

  private static Run.Flow jsonataMap(Run run, MapState map, Token token) {
    JsonataScope scope = run.jsonataScope(token);
    List<?> items = JsonataMap.items(map, scope);
    int maxConcurrency = JsonataMap.maxConcurrency(map, scope);
    DistributedMapBody.Settings distributed = null;
    if (map.distributed() == null) {
      JsonataMap.checkToleratedFailures(map, scope);
    } else {
      distributed = DistributedMapBody.settings(map, scope);
      items = DistributedMapBody.limit(items, distributed);
    }
    run.event("MapStateStarted", "length", items.size());
    if (items.isEmpty()) {
      run.event("MapStateSucceeded");
      return joined(run, map, token, List.of());
    }
    @SuppressWarnings("unchecked")
    var context = (Map<String, Object>) scope.states().get("context");
    var selector = map.flow().field("ItemSelector");
    var inputs = new ArrayList<Object>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      Object itemInput =
          selector == null
              ? item
              : selector.evaluate(
                  scope.withContext(ContextObject.withMapItem(context, i, item)), "ItemSelector");
      inputs.add(itemInput);
    }
    return fork(run, map, token, inputs, maxConcurrency, distributed);
  }

  private static Run.Flow fork(
      Run run,
      MapState map,
      Token token,
      List<Object> inputs,
      int maxConcurrency,
      DistributedMapBody.Settings distributed) {
    if (distributed != null) {
      return DistributedMapBody.start(run, map, token, inputs, maxConcurrency, distributed);
    }
    var children = new ArrayList<Token>(inputs.size());
    for (Object input : inputs) {
      children.add(Token.start(map.name(), run.startAt(map.name()), input, token.variables()));
    }
    var plan =
        new Fork.Plan(Fork.Kind.MAP, map.name(), null, children.size(), maxConcurrency, null, null);
    return run.done(token.with(Phase.FORK, pending(plan)), new Effect.StartFork(children, plan));
  }

  /** The plan as the forking token keeps it (JSON, so that it survives storing unchanged). */
  static Object pending(Fork.Plan plan) {
    return Json.mapper().convertValue(plan, Object.class);
  }

  /** The join: the children's outputs are the state's result. */
  static Run.Flow joined(Run run, State state, Token token, List<Object> outputs) {
    var result = new ArrayList<Object>(outputs);
    run.probe().record(Inspected.RESULT, result);
    int limit = run.payloadLimit();
    if (state.flow().jsonata()) {
      JsonataScope scope = run.jsonataScope(token).withResult(result);
      Object output = JsonataIo.output(state.flow().output(), scope, result);
      var variables = Assignments.jsonata(state.flow().assign(), scope, token.variables(), limit);
      return run.exit(state, StateFields.transition(state), output, variables);
    }
    Bindings bindings = run.bindings(token, token.input());
    var processing =
        switch (state) {
          case ParallelState p -> new JoinIo(p.io(), p.resultSelector(), p.resultPath());
          case MapState m -> new JoinIo(m.io(), m.resultSelector(), m.resultPath());
          default -> throw new IllegalStateException(state.name() + " does not fork");
        };
    Object selected =
        processing.selector() == null
            ? result
            : processing.selector().evaluate(bindings.withInput(result));
    run.probe().record(Inspected.AFTER_RESULT_SELECTOR, selected);
    Object placed = StateIo.resultPath(processing.resultPath(), token.input(), selected);
    run.probe().record(Inspected.AFTER_RESULT_PATH, placed);
    Object output = StateIo.outputPath(processing.io(), bindings.withInput(placed));
    var variables =
        Assignments.jsonPath(
            state.flow().assign(), bindings.withInput(selected), token.variables(), limit);
    return run.exit(state, StateFields.transition(state), output, variables);
  }

  private record JoinIo(IoPaths io, PayloadTemplate selector, ResultPath resultPath) {}

  private static List<?> items(MapState map, Bindings effective) {
    Object items;
    try {
      items = map.itemsPath().equals("$") ? effective.input() : effective.read(map.itemsPath());
    } catch (PathNotFound e) {
      throw StatesError.runtime("Invalid path '" + map.itemsPath() + "' : " + e.getMessage());
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
    } catch (PathNotFound e) {
      throw StatesError.runtime(
          "Invalid path '" + map.maxConcurrencyPath() + "' : " + e.getMessage());
    }
    // AWS also takes a string that holds an integer.
    if (value instanceof String text && text.matches("\\d{1,18}")) value = Long.parseLong(text);
    if (!Json.isIntegral(value) || ((Number) value).longValue() < 0) {
      throw StatesError.runtime(
          "The MaxConcurrencyPath field refers to value \""
              + (value instanceof String text ? text : Json.write(value))
              + "\" which is not a valid integer: "
              + map.maxConcurrencyPath());
    }
    return (int) Math.min(Integer.MAX_VALUE, ((Number) value).longValue());
  }
}
