package dev.stepwise.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Parser;
import com.dashjoin.jsonata.Utils;
import dev.stepwise.asl.EvaluationBudget;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Keeps one JSONata evaluation within its {@link EvaluationBudget}, through the evaluator's entry
 * and exit callbacks (every sub-expression passes both).
 *
 * <p>Time: each callback checks the deadline (the library's own timebox skips "parallel" calls and
 * so can be bypassed). Depth: a recursion limit, as the library's timebox has. Memory: every
 * sub-expression's result is held by its parent expression until the parent ends (an array
 * constructor or a path step collects its children's results), so the sum of the results the
 * expressions on the stack hold bounds what the evaluation keeps alive. Values the evaluation only
 * reads (the state input, the context, the variables) are not counted.
 */
final class JsonataBounds {
  private static final Field SYMBOL_TYPE = symbolType();

  private final EvaluationBudget budget;
  private final int maxDepth;
  private final Set<Object> shared = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Object[] expressions;
  private final long[] held;
  private int depth;
  private long total;

  JsonataBounds(EvaluationBudget budget, int maxDepth) {
    this.budget = budget;
    this.maxDepth = maxDepth;
    this.expressions = new Object[maxDepth + 2];
    this.held = new long[maxDepth + 2];
  }

  EvaluationBudget budget() {
    return budget;
  }

  /** The values the evaluation reads but did not make (filled while they are converted). */
  Set<Object> shared() {
    return shared;
  }

  void install(Jsonata.Frame frame) {
    frame.setEvaluateEntryCallback((expr, input, env) -> enter(expr));
    frame.setEvaluateExitCallback((expr, input, env, result) -> exit(expr, result));
  }

  private void enter(Object expr) {
    if (depth + 1 > maxDepth) {
      throw new JException(
          "Stack overflow error: check for non-terminating recursive function (depth "
              + (depth + 1)
              + ", limit "
              + maxDepth
              + ")",
          -1);
    }
    depth++;
    expressions[depth] = expr;
    held[depth] = 0;
    budget.tick();
  }

  private void exit(Object expr, Object result) {
    // A sub-evaluation that failed inside the library (and was handled there) leaves no exit:
    // unwind to the expression that is ending.
    int at = depth;
    while (at > 0 && expressions[at] != expr) at--;
    if (at == 0) return;
    while (depth >= at) {
      total -= held[depth];
      expressions[depth] = null;
      depth--;
    }
    // A reference to a value (a variable, a field, the parent) makes nothing new.
    long size = isReference(expr) ? 0 : sizeOf(result);
    budget.checkSize(size);
    // A scalar result is held by nobody for long (a predicate's, a comparator's verdict); inside
    // an array or object it counts with it.
    if (!isScalar(result)) hold(size);
    budget.tick();
  }

  private static boolean isScalar(Object value) {
    return value == null || value instanceof Number || value instanceof Boolean;
  }

  private static boolean isReference(Object expr) {
    if (SYMBOL_TYPE == null) return false;
    try {
      Object type = SYMBOL_TYPE.get(expr);
      return "variable".equals(type) || "name".equals(type) || "parent".equals(type);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** The kind of a parsed expression, which the library keeps to itself. */
  private static Field symbolType() {
    try {
      Field field = Parser.Symbol.class.getDeclaredField("type");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // then references are counted too: stricter, never looser
    }
  }

  /** The estimated size of a value the evaluation produced. */
  long sizeOf(Object value) {
    // A range computes its items on demand: it costs next to nothing until something copies it.
    if (value instanceof Utils.RangeList range) return range.size();
    return budget.sizeOf(value, shared);
  }

  /** Adds a value of {@code size} to what the innermost running expression holds. */
  void hold(long size) {
    if (depth == 0) return;
    held[depth] += size;
    total += size;
    budget.checkSize(total);
  }

  /** What the innermost running expression holds so far (see {@link #release}). */
  long holding() {
    return depth == 0 ? 0 : held[depth];
  }

  /**
   * Sets what the innermost running expression holds back to {@code mark}: a built-in that drops
   * the results of its earlier calls (as {@code $reduce} drops all but the last accumulator).
   */
  void release(long mark) {
    if (depth == 0 || held[depth] <= mark) return;
    total -= held[depth] - mark;
    held[depth] = mark;
  }
}
