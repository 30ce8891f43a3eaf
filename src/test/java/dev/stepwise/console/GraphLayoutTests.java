package dev.stepwise.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphLayoutTests {

  @Test
  void laysOutTheParallelSeedWithBranchesInsideTheirState() {
    var graph =
        GraphLayout.layout(DefinitionGraph.of(Json.parse(Resources.text("/seed/parallel.json"))));

    var parallel = node(graph.nodes(), "ParallelState");
    assertThat(parallel.children()).extracting(PlacedGraph.Node::type).containsOnly("Branch");
    assertThat(parallel.children()).hasSize(2);
    var branch = parallel.children().getFirst();
    assertThat(node(branch.children(), "TaskA").width()).isPositive();
    // Each branch lies inside the Parallel state's box, side by side.
    for (var b : parallel.children()) {
      assertThat(b.x() + b.width()).isLessThanOrEqualTo(parallel.width());
      assertThat(b.y() + b.height()).isLessThanOrEqualTo(parallel.height());
    }
    assertThat(parallel.children().get(0).x()).isNotEqualTo(parallel.children().get(1).x());
  }

  @Test
  void laysOutFiveHundredStatesQuickly() {
    var states = new LinkedHashMap<String, Object>();
    for (int i = 0; i < 500; i++) {
      var state = new LinkedHashMap<String, Object>();
      if (i % 10 == 5) {
        state.put("Type", "Choice");
        state.put(
            "Choices",
            List.of(Map.of("Variable", "$.n", "NumericEquals", i, "Next", "S" + (i + 2))));
        state.put("Default", "S" + (i + 1));
      } else {
        state.put("Type", i == 499 ? "Succeed" : "Pass");
        if (i < 499) state.put("Next", "S" + (i + 1));
      }
      states.put("S" + i, state);
    }
    var definition = Map.of("StartAt", "S0", "States", states);
    GraphLayout.layout(DefinitionGraph.of(definition)); // warm up the classes
    long started = System.nanoTime();
    var graph = GraphLayout.layout(DefinitionGraph.of(definition));
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(graph.nodes()).hasSize(502);
    assertThat(millis).isLessThan(2000);
    var ys = new ArrayList<Double>();
    graph.nodes().forEach(n -> ys.add(n.y()));
    assertThat(ys.stream().distinct().count()).isGreaterThan(100);
    System.out.println("500 states laid out in " + millis + " ms");
  }

  static PlacedGraph.Node node(List<PlacedGraph.Node> nodes, String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }
}
