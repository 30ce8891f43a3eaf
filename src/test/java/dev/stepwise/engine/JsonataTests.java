package dev.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.parse.AslParser;
import org.junit.jupiter.api.Test;

class JsonataTests {

  @Test
  void outputEvaluatesExpressionsAnywhereInsideAndKeepsOtherStrings() {
    String definition =
        """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
          "A": {"Type": "Pass", "End": true, "Output": {
            "sum": "{% $sum($states.input.xs) %}",
            "list": ["{% $states.input.xs[0] %}", "$.xs", " {% 1 %} "],
            "name": "{% $states.context.State.Name %}"}}}}
        """;
    assertThat(Runner.output(definition, "{\"xs\": [1, 2, 3]}"))
        .isEqualTo(
            Json.parse("{\"sum\": 6, \"list\": [1, \"$.xs\", \" {% 1 %} \"], \"name\": \"A\"}"));
  }

  @Test
  void assignAndOutputBothSeeTheVariablesFromBeforeTheState() {
    String definition =
        """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"x": 1}, "Next": "B"},
          "B": {"Type": "Pass", "Assign": {"x": "{% $x + 1 %}", "y": "{% $x %}"},
                "Output": "{% $x %}", "Next": "C"},
          "C": {"Type": "Pass", "Output": {"in": "{% $states.input %}", "x": "{% $x %}",
                "y": "{% $y %}"}, "End": true}}}
        """;
    assertThat(Runner.output(definition, "{}"))
        .isEqualTo(Json.parse("{\"in\": 1, \"x\": 2, \"y\": 1}"));
  }

  @Test
  void jsonataAndJsonPathStatesShareVariables() {
    String definition =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"n.$": "$.n"}, "Next": "B"},
          "B": {"QueryLanguage": "JSONata", "Type": "Pass", "Output": "{% $n * 2 %}", "End": true}}}
        """;
    assertThat(Runner.output(definition, "{\"n\": 21}")).isEqualTo(42);
  }

  @Test
  void anUndefinedResultIsAQueryEvaluationErrorNamingTheField() {
    String definition =
        """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
          "A": {"Type": "Pass", "Output": {"r": "{% $nope %}"}, "End": true}}}
        """;
    var failed = Runner.failure(definition, "{}");
    assertThat(failed.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(failed.cause())
        .isEqualTo(
            "An error occurred while executing the state 'A' (entered at the event id #1). The"
                + " JSONata expression '$nope' specified for the field 'Output/r' returned nothing"
                + " (undefined).");
  }

  @Test
  void endlessRecursionFailsTheStateInsteadOfTheWorker() {
    String definition =
        """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
          "A": {"Type": "Pass", "Output": "{% ($f := function($n){ 1 + $f($n + 1) }; $f(0)) %}",
                "End": true}}}
        """;
    assertThat(Runner.failure(definition, "{}").error()).isEqualTo("States.QueryEvaluationError");
  }

  @Test
  void queryEvaluationErrorsCanBeCaught() {
    String definition =
        """
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
          "M": {"Type": "Map", "Items": "{% 'not an array' %}",
                "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}},
                "Catch": [{"ErrorEquals": ["States.QueryEvaluationError"],
                           "Output": "{% $states.errorOutput.Error %}",
                           "Assign": {"caught": true}, "Next": "Done"}],
                "End": true},
          "Done": {"Type": "Pass", "Output": {"out": "{% $states.input %}",
                   "caught": "{% $caught %}"}, "End": true}}}
        """;
    assertThat(Runner.output(definition, "{}"))
        .isEqualTo(Json.parse("{\"out\": \"States.QueryEvaluationError\", \"caught\": true}"));
  }

  @Test
  void mapItemsItemSelectorAndResult() {
    String definition =
        """
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
          "M": {"Type": "Map", "Items": "{% $states.input.items %}",
                "ItemSelector": {"v": "{% $states.context.Map.Item.Value %}",
                                 "i": "{% $states.context.Map.Item.Index %}"},
                "ItemProcessor": {"StartAt": "I", "States": {
                  "I": {"Type": "Pass", "Output": "{% $states.input.v * 10 + $states.input.i %}",
                        "End": true}}},
                "Output": {"total": "{% $sum($states.result) %}"}, "End": true}}}
        """;
    assertThat(Runner.output(definition, "{\"items\": [1, 2]}"))
        .isEqualTo(Json.parse("{\"total\": 31}"));
  }

  @Test
  void choiceConditionsPickTheRuleAndItsOutput() {
    String definition =
        """
        {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
          "C": {"Type": "Choice", "Output": "state",
                "Choices": [{"Condition": "{% $states.input.n > 1 %}", "Output": "rule",
                             "Next": "Done"}],
                "Default": "Done"},
          "Done": {"Type": "Succeed"}}}
        """;
    assertThat(Runner.output(definition, "{\"n\": 2}")).isEqualTo("rule");
    assertThat(Runner.output(definition, "{\"n\": 0}")).isEqualTo("state");
  }

  @Test
  void failStateErrorAndCauseFromExpressions() {
    String definition =
        """
        {"QueryLanguage": "JSONata", "StartAt": "F", "States": {
          "F": {"Type": "Fail", "Error": "{% $states.input.e %}", "Cause": "literal"}}}
        """;
    var failed = Runner.failure(definition, "{\"e\": \"Custom\"}");
    assertThat(failed.error()).isEqualTo("Custom");
    assertThat(failed.cause()).isEqualTo("literal");
  }

  @Test
  void awsFunctionsAreAvailable() {
    String definition =
        """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
          "A": {"Type": "Pass", "End": true, "Output": {
            "p": "{% $partition([1, 2, 3], 2) %}", "r": "{% $range(0, 6, 3) %}",
            "one": "{% $range(1, 1, 5) %}", "j": "{% $parse('{\\"a\\": null}') %}",
            "h": "{% $hash('a', 'MD5') %}"}}}}
        """;
    assertThat(Runner.output(definition, "{}"))
        .isEqualTo(
            Json.parse(
                "{\"p\": [[1, 2], [3]], \"r\": [0, 3, 6], \"one\": 1, \"j\": {\"a\": null},"
                    + " \"h\": \"0cc175b9c0f1b6a831c399e269772661\"}"));
  }

  @Test
  void jsonPathFieldsAreRejectedInJsonataStatesAndTheOtherWayRound() {
    var jsonata =
        AslParser.parse(
            """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
              "A": {"Type": "Pass", "InputPath": "$.x", "End": true}}}
            """);
    assertThat(jsonata.diagnostics()).extracting("location").containsExactly("/States/A/InputPath");
    var jsonPath =
        AslParser.parse(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Output": {}, "End": true}}}
            """);
    assertThat(jsonPath.diagnostics()).extracting("location").containsExactly("/States/A/Output");
  }

  @Test
  void aJsonataStateMachineCannotHaveJsonPathStates() {
    var result =
        AslParser.parse(
            """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
              "A": {"QueryLanguage": "JSONPath", "Type": "Pass", "End": true}}}
            """);
    assertThat(result.diagnostics())
        .extracting("location")
        .containsExactly("/States/A/QueryLanguage");
  }

  @Test
  void syntaxErrorsAreReportedAtTheExpression() {
    var result =
        AslParser.parse(
            """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
              "A": {"Type": "Pass", "Output": {"x": ["{% 1 + %}"]}, "End": true}}}
            """);
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("INVALID_JSONATA");
              assertThat(d.location()).isEqualTo("/States/A/Output/x/0");
            });
  }
}
