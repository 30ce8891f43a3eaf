package dev.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.parse.AslParser;
import org.junit.jupiter.api.Test;

class VariablesTests {

  @Test
  void jsonPathAssignReadsTheResultAndLaterStatesReadTheVariable() {
    String definition =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Result": {"answer": 42}, "ResultPath": "$.r",
                "Assign": {"theAnswer.$": "$.answer", "label": "fixed"}, "Next": "B"},
          "B": {"Type": "Pass", "Parameters": {"a.$": "$theAnswer", "l.$": "$label"}, "End": true}}}
        """;
    assertThat(Runner.output(definition, "{}"))
        .isEqualTo(Json.parse("{\"a\": 42, \"l\": \"fixed\"}"));
  }

  @Test
  void assignmentsOfOneStateSeeTheValuesFromBeforeIt() {
    String definition =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"x": 1}, "Next": "B"},
          "B": {"Type": "Pass", "Assign": {"x": 2, "old.$": "$x"}, "OutputPath": "$x", "Next": "C"},
          "C": {"Type": "Pass", "Parameters": {"x.$": "$x", "old.$": "$old"}, "End": true}}}
        """;
    assertThat(Runner.output(definition, "{}")).isEqualTo(Json.parse("{\"x\": 2, \"old\": 1}"));
  }

  @Test
  void outputPathSeesTheVariablesFromBeforeTheState() {
    String definition =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"x": "before"}, "Next": "B"},
          "B": {"Type": "Pass", "Assign": {"x": "after"}, "OutputPath": "$x", "End": true}}}
        """;
    assertThat(Runner.output(definition, "{}")).isEqualTo("before");
  }

  @Test
  void mapIterationsReadOuterVariablesButTheirWritesStayInside() {
    String definition =
        """
        {"StartAt": "Init", "States": {
          "Init": {"Type": "Pass", "Assign": {"x": 42, "items": [1, 2]}, "Next": "Loop"},
          "Loop": {"Type": "Map", "ItemsPath": "$items", "ItemProcessor": {
              "StartAt": "Inner", "States": {
                "Inner": {"Type": "Pass", "Assign": {"x": 0}, "Parameters": {"seen.$": "$x"},
                          "End": true}}},
            "Next": "After"},
          "After": {"Type": "Pass", "Parameters": {"x.$": "$x", "result.$": "$"}, "End": true}}}
        """;
    assertThat(Runner.output(definition, "{}"))
        .isEqualTo(Json.parse("{\"x\": 42, \"result\": [{\"seen\": 42}, {\"seen\": 42}]}"));
  }

  @Test
  void variablesWithANullValueCanBeRead() {
    String definition =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"nothing": null}, "Next": "B"},
          "B": {"Type": "Pass", "Parameters": {"v.$": "$nothing"}, "End": true}}}
        """;
    assertThat(Runner.output(definition, "{}")).isEqualTo(Json.parse("{\"v\": null}"));
  }

  @Test
  void anUndefinedVariableIsARuntimeError() {
    String definition =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Parameters": {"v.$": "$missing"}, "End": true}}}
        """;
    var failed = Runner.failure(definition, "{}");
    assertThat(failed.error()).isEqualTo("States.Runtime");
    assertThat(failed.cause()).contains("missing");
  }

  @Test
  void choiceRuleAssignAppliesWhenTheRuleMatches() {
    String definition =
        """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Assign": {"base": "state", "status": "default"},
                "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Assign": {"status": "one"},
                             "Next": "Done"}],
                "Default": "Done"},
          "Done": {"Type": "Pass", "Parameters": {"s.$": "$status", "b.$": "$base"}, "End": true}}}
        """;
    assertThat(Runner.output(definition, "{\"n\": 1}"))
        .isEqualTo(Json.parse("{\"s\": \"one\", \"b\": \"state\"}"));
    assertThat(Runner.output(definition, "{\"n\": 2}"))
        .isEqualTo(Json.parse("{\"s\": \"default\", \"b\": \"state\"}"));
  }

  @Test
  void aVariableOverThePayloadLimitFailsTheState() {
    String definition =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"big.$": "$.text"}, "End": true}}}
        """;
    String input = "{\"text\": \"" + "x".repeat(300 * 1024) + "\"}";
    assertThat(Runner.failure(definition, input).error()).isEqualTo("States.DataLimitExceeded");
  }

  @Test
  void catcherAssignReadsTheErrorOutput() {
    String definition =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Branches": [{"StartAt": "F", "States": {
                  "F": {"Type": "Fail", "Error": "Boom", "Cause": "why"}}}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"err.$": "$.Error"},
                           "ResultPath": null, "Next": "Done"}],
                "End": true},
          "Done": {"Type": "Pass", "Parameters": {"e.$": "$err"}, "End": true}}}
        """;
    assertThat(Runner.output(definition, "{}")).isEqualTo(Json.parse("{\"e\": \"Boom\"}"));
  }

  @Test
  void assignIsRejectedOnSucceedAndFailStatesAndNeedsVariableNames() {
    var succeed =
        AslParser.parse(
            """
            {"StartAt": "S", "States": {"S": {"Type": "Succeed", "Assign": {"x": 1}}}}
            """);
    assertThat(succeed.diagnostics()).extracting("location").containsExactly("/States/S/Assign");
    var badName =
        AslParser.parse(
            """
            {"StartAt": "S", "States": {"S": {"Type": "Pass", "Assign": {"1x": 1}, "End": true}}}
            """);
    assertThat(badName.diagnostics()).extracting("location").containsExactly("/States/S/Assign/1x");
  }
}
