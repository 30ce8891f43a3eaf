package dev.stepwise.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionGraphTests {

  @Test
  void eachStateIsABoxNamedByItsJsonPointerWithStartAndEnd() {
    var graph = DefinitionGraph.of(Json.parse(Resources.text("/seed/sequential.json")));

    assertThat(graph.children())
        .extracting(GraphNode::id)
        .containsExactly("#start", "/States/FirstTask", "/States/SecondTask", "#end");
    assertThat(graph.edges()).extracting(GraphEdge::kind).containsExactly("start", "next", "end");
    assertThat(graph.children().get(1).lines()).containsExactly("Task: λ FirstFunction");
  }

  @Test
  void choiceRulesAreEdgesLabelledInWordsAndCatchersByTheirErrors() {
    var definition =
        Json.parse(
            """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Default": "T", "Choices": [
                {"And": [{"Variable": "$.total", "NumericGreaterThan": 100},
                         {"Not": {"Variable": "$.country", "StringEquals": "NL"}}], "Next": "T"},
                {"Variable": "$.a", "TimestampLessThanEqualsPath": "$.b", "Next": "F"},
                {"Condition": "{% $states.input.x %}", "Next": "F"}]},
              "T": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke", "End": true,
                    "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 2}],
                    "Catch": [{"ErrorEquals": ["A", "B"], "Next": "F"}]},
              "F": {"Type": "Fail", "Error": "Oops"}}}
            """);

    var graph = DefinitionGraph.of(definition);

    var labels = graph.edges().stream().filter(e -> e.label() != null).toList();
    assertThat(labels)
        .extracting(GraphEdge::kind, GraphEdge::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "choice", "$.total > 100 and not ($.country == \"NL\")"),
            org.assertj.core.groups.Tuple.tuple("choice", "$.a <= $.b"),
            org.assertj.core.groups.Tuple.tuple("choice", "{% $states.input.x %}"),
            org.assertj.core.groups.Tuple.tuple("default", "Default"),
            org.assertj.core.groups.Tuple.tuple("catch", "A, B"));
    var task =
        graph.children().stream().filter(n -> n.name().equals("T")).findFirst().orElseThrow();
    assertThat(task.lines()).contains("Retry: States.Timeout ×2 (1 s, ×2.0)");
    var fail =
        graph.children().stream().filter(n -> n.name().equals("F")).findFirst().orElseThrow();
    assertThat(fail.lines()).containsExactly("Fail: Oops");
  }

  @Test
  void aDistributedMapHoldsItsItemProcessorAndAnInvalidDefinitionStillDraws() {
    var definition =
        Map.of(
            "StartAt",
            "M",
            "States",
            Map.of(
                "M",
                Map.of(
                    "Type",
                    "Map",
                    "Next",
                    "Missing",
                    "ItemProcessor",
                    Map.of(
                        "ProcessorConfig",
                        Map.of("Mode", "DISTRIBUTED"),
                        "StartAt",
                        "W",
                        "States",
                        Map.of("W", Map.of("Type", "Wait", "Seconds", 120, "End", true)))),
                "Odd",
                List.of()));

    var graph = DefinitionGraph.of(definition);

    var map = graph.children().stream().filter(n -> n.name().equals("M")).findFirst().orElseThrow();
    assertThat(map.mode()).isEqualTo("distributed");
    assertThat(map.children())
        .extracting(GraphNode::id)
        .contains("/States/M/ItemProcessor/States/W");
    var wait = map.children().stream().filter(n -> n.name().equals("W")).findFirst().orElseThrow();
    assertThat(wait.lines()).containsExactly("Wait 2 min");
    // An edge to a state that does not exist is left out; the diagnostics say why.
    assertThat(graph.edges()).noneMatch(e -> e.target().contains("Missing"));
    assertThat(graph.children()).anyMatch(n -> n.name().equals("Odd") && n.type().equals("?"));
  }
}
