package dev.stepwise.database;

import java.util.List;

/**
 * A write that rides in another statement's round trip as a data-modifying {@code WITH} query: a
 * step's token move goes with the insert of its next work item, for instance, which saves a round
 * trip per step. PostgreSQL runs such a query exactly once and to completion, whether the statement
 * reads it or not; the two must not touch the same rows (they would see the same snapshot).
 *
 * @param sql an {@code insert}, {@code update} or {@code delete} with {@code ?} parameters
 * @param params its parameters, in order
 */
public record CarriedWrite(String sql, List<Object> params) {

  /** {@code statement} with this write carried ahead of it; its parameters follow this write's. */
  public String ahead(String statement) {
    return "with " + queries(List.of(this)) + " " + statement;
  }

  /**
   * The {@code WITH} queries of {@code writes} ({@code carried1 as (…), carried2 as (…)}), to open
   * a statement's {@code WITH} list; their parameters come first, in order.
   */
  public static String queries(List<CarriedWrite> writes) {
    var sb = new StringBuilder();
    for (int i = 0; i < writes.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append("carried").append(i + 1).append(" as (").append(writes.get(i).sql()).append(')');
    }
    return sb.toString();
  }
}
