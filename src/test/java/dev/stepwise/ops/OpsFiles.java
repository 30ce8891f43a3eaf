package dev.stepwise.ops;

import dev.stepwise.asl.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/** The operators' files in the repository: the Grafana dashboard and the alert rules. */
public final class OpsFiles {
  public static final Path DASHBOARD = Path.of("ops/grafana/stepwise-dashboard.json");
  public static final Path ALERTS = Path.of("ops/prometheus/stepwise-alerts.yaml");
  static final Path CHART_DASHBOARD = Path.of("helm/stepwise/files/stepwise-dashboard.json");
  static final Path CHART_ALERTS = Path.of("helm/stepwise/files/stepwise-alerts.yaml");

  private OpsFiles() {}

  /** Every PromQL expression of the dashboard's panels. */
  public static List<String> dashboardExpressions() {
    var expressions = new ArrayList<String>();
    collect(Json.parse(read(DASHBOARD)), expressions);
    return expressions;
  }

  /** Every alert rule's expression. */
  @SuppressWarnings("unchecked")
  public static List<String> alertExpressions() {
    Map<String, Object> rules = new Yaml().load(read(ALERTS));
    var expressions = new ArrayList<String>();
    for (var group : (List<Map<String, Object>>) rules.get("groups")) {
      for (var rule : (List<Map<String, Object>>) group.get("rules")) {
        expressions.add((String) rule.get("expr"));
      }
    }
    return expressions;
  }

  /** The metric names the dashboard and the alert rules read. */
  public static Set<String> metricNames() {
    var names = new TreeSet<String>();
    dashboardExpressions().forEach(e -> names.addAll(PromQl.metricNames(e)));
    alertExpressions().forEach(e -> names.addAll(PromQl.metricNames(e)));
    return names;
  }

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code expr} of every target, at any depth (rows may nest panels). */
  private static void collect(Object node, List<String> expressions) {
    if (node instanceof Map<?, ?> map) {
      if (map.get("expr") instanceof String expr) expressions.add(expr);
      map.values().forEach(v -> collect(v, expressions));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collect(v, expressions));
    }
  }
}
