package dev.stepwise.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Resources;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/** The console draws state machines in a real browser: the seeds, nesting, the editor. */
class ConsoleGraphIntegrationTests {
  static TestEndpoint lambdas;
  static StepwiseInstance stepwise;
  static Browser browser;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    lambdas = new TestEndpoint();
    stepwise =
        StepwiseInstance.start(
            Map.of(
                "stepwise.tasks.routes[0].resource",
                "arn:aws:lambda:*",
                "stepwise.tasks.routes[0].url",
                lambdas.url("/lambda"),
                "stepwise.tasks.routes[1].resource",
                "http://orders.internal/*",
                "stepwise.tasks.routes[1].url",
                lambdas.url("/orders")));
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (stepwise != null) stepwise.close();
    if (lambdas != null) lambdas.close();
  }

  String page(String path) {
    return stepwise.api().base() + path;
  }

  @Test
  void drawsTheSequentialSeedWithStartAndEnd() {
    stepwise
        .api()
        .createStateMachine("console-seed-sequential", Resources.text("/seed/sequential.json"));
    browser.open(page("/state-machines/console-seed-sequential"));

    WebElement first = browser.state("FirstTask");
    assertThat(first.getAttribute("data-type")).isEqualTo("Task");
    assertThat(first.getText()).contains("FirstFunction");
    assertThat(browser.state("SecondTask").getAttribute("data-type")).isEqualTo("Task");
    assertThat(browser.all(By.cssSelector("#sm-graph .terminal"))).hasSize(2);
    assertThat(browser.all(By.cssSelector("#sm-graph .edge-next"))).hasSize(1);
    assertThat(browser.await(By.id("definition-json")).getText()).contains("\"StartAt\"");
  }

  @Test
  void drawsTheParallelSeedWithEachBranchInsideTheParallelState() {
    stepwise
        .api()
        .createStateMachine("console-seed-parallel", Resources.text("/seed/parallel.json"));
    browser.open(page("/state-machines/console-seed-parallel"));

    WebElement parallel = browser.state("ParallelState");
    assertThat(parallel.getAttribute("data-type")).isEqualTo("Parallel");
    assertThat(parallel.findElements(By.cssSelector(".branch"))).hasSize(2);
    assertThat(parallel.findElements(By.cssSelector("[data-state-name='TaskA']"))).hasSize(1);
    assertThat(parallel.findElements(By.cssSelector("[data-state-name='TaskB']"))).hasSize(1);
  }

  @Test
  void drawsTheRetrySeedWithItsRetryOnTheNodeAndACatchEdge() {
    stepwise.api().createStateMachine("console-seed-retry", Resources.text("/seed/retry.json"));
    browser.open(page("/state-machines/console-seed-retry"));

    WebElement failing = browser.state("FailingTask");
    assertThat(failing.getText()).contains("Retry: States.TaskFailed ×3");
    WebElement catchEdge = browser.await(By.cssSelector("#sm-graph .edge-catch"));
    assertThat(catchEdge.getText()).contains("States.ALL");
    assertThat(browser.state("ErrorHandler").getAttribute("data-type")).isEqualTo("Fail");
  }

  @Test
  void drawsAParallelNestedInAMapInsideTheMap() {
    var definition =
        """
        {"StartAt": "Each order", "States": {
          "Each order": {"Type": "Map", "ItemsPath": "$.orders", "MaxConcurrency": 2,
            "ItemProcessor": {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "Pack", "States": {"Pack": {"Type": "Pass", "End": true}}},
                {"StartAt": "Bill", "States": {"Bill": {"Type": "Wait", "Seconds": 90, "End": true}}}]}}},
            "Next": "Check"},
          "Check": {"Type": "Choice", "Choices": [
              {"Variable": "$[0]", "IsPresent": true, "Next": "Done"}], "Default": "Done"},
          "Done": {"Type": "Succeed"}}}
        """;
    stepwise.api().createStateMachine("console-nested", definition);
    browser.open(page("/state-machines/console-nested"));

    WebElement map = browser.state("Each order");
    assertThat(map.getText()).contains("Map (inline)");
    WebElement parallel = map.findElement(By.cssSelector("[data-state-name='Both']"));
    assertThat(parallel.findElement(By.cssSelector("[data-state-name='Pack']")).isDisplayed())
        .isTrue();
    assertThat(parallel.findElement(By.cssSelector("[data-state-name='Bill']")).getText())
        .contains("Wait 90 s");
    var labels =
        browser.all(By.cssSelector("#sm-graph .edge-choice .label")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(labels).containsExactly("$[0] is present");
    assertThat(browser.await(By.cssSelector("#sm-graph .edge-default")).getText())
        .contains("Default");
  }

  @Test
  void showsAnInvalidDefinitionsDiagnosticsOnTheStatesAtFault() {
    browser.open(page("/editor"));
    browser.await(By.cssSelector("#editor-graph [data-state-name='Hello']"));
    var invalid =
        """
        {"StartAt": "Ask", "States": {
          "Ask": {"Type": "Choice", "Default": "Nowhere",
                  "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Fine"}]},
          "Fine": {"Type": "Succeed"},
          "Odd": {"Type": "Wait", "Next": "Fine"}}}
        """;
    browser.script(
        "const a = document.getElementById('definition-editor'); a.value = arguments[0];"
            + " a.dispatchEvent(new Event('input'));",
        invalid);

    browser.await(d -> d.findElements(By.cssSelector("#diagnostics li")).isEmpty() ? null : true);
    assertThat(browser.state("Ask").getAttribute("class")).contains("invalid");
    assertThat(browser.state("Odd").getAttribute("class")).contains("invalid");
    assertThat(browser.state("Fine").getAttribute("class")).doesNotContain("invalid");
    var located =
        browser.all(By.cssSelector("#diagnostics li")).stream()
            .map(li -> li.getAttribute("data-state"))
            .toList();
    assertThat(located).contains("Ask", "Odd");
    assertThat(browser.await(By.id("definition-status")).getText()).contains("problem");
  }

  @Test
  void drawsFiveHundredStates() {
    var states = new LinkedHashMap<String, Object>();
    for (int i = 0; i < 500; i++) {
      var state = new LinkedHashMap<String, Object>();
      if (i % 25 == 10) {
        state.put("Type", "Choice");
        state.put(
            "Choices",
            List.of(Map.of("Variable", "$.n", "NumericGreaterThan", i, "Next", "S" + (i + 2))));
        state.put("Default", "S" + (i + 1));
      } else {
        state.put("Type", i == 499 ? "Succeed" : "Pass");
        if (i < 499) state.put("Next", "S" + (i + 1));
      }
      states.put("S" + i, state);
    }
    stepwise
        .api()
        .createStateMachine(
            "console-five-hundred", Json.write(Map.of("StartAt", "S0", "States", states)));
    browser.open(page("/state-machines/console-seed-missing-warm-up"));

    long started = System.nanoTime();
    browser.open(page("/state-machines/console-five-hundred"));
    browser.await(
        d ->
            d.findElements(By.cssSelector("#sm-graph [data-state-name]")).size() == 500
                ? true
                : null);
    long millis = (System.nanoTime() - started) / 1_000_000;

    // The time is reported, not asserted: a shared machine's load decides it more than the
    // console does (speed is for the benchmark to measure).
    System.out.println("500-state definition drawn in " + millis + " ms");
    assertThat(browser.all(By.cssSelector("#sm-graph [data-state-name]")))
        .extracting(e -> e.getAttribute("data-state-name"))
        .contains("S0", "S249", "S499");
  }

  @Test
  void fitsAPhoneSizedScreen() {
    stepwise.api().createStateMachine("console-phone", Resources.text("/seed/parallel.json"));
    try {
      browser.driver.manage().window().setSize(new Dimension(390, 844));
      browser.open(page("/state-machines/console-phone"));
      browser.state("TaskA");
      Number overflow =
          (Number)
              browser.script("return document.documentElement.scrollWidth - window.innerWidth");
      assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
      assertThat(browser.await(By.linkText("Approvals")).isDisplayed()).isTrue();
    } finally {
      browser.driver.manage().window().setSize(new Dimension(1280, 800));
    }
  }

  @Test
  void drawsALargeDefinitionForTheReadme() {
    stepwise
        .api()
        .createStateMachine(
            "order-fulfilment", Resources.text("/validation/order-fulfilment.json"));
    browser.open(page("/state-machines/order-fulfilment"));
    browser.state("Validate order");
    assertThat(browser.all(By.cssSelector("#sm-graph [data-state-name]")).size()).isGreaterThan(8);
    browser.screenshot("state-machine-graph", 1200);
  }
}
