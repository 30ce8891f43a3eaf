package dev.stepwise.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Resources;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Executions in a real browser: live statuses, the actions, approvals. */
class ConsoleExecutionIntegrationTests extends InBrowser {
  @Test
  void aRunningWaitStateTurnsSucceededWithoutAReload() {
    stepwise
        .api()
        .createStateMachine(
            "console-short-wait",
            """
            {"StartAt": "Prepare", "States": {
              "Prepare": {"Type": "Pass", "Result": {"ready": true}, "Next": "Pause"},
              "Pause": {"Type": "Wait", "Seconds": 3, "Next": "Done"},
              "Later": {"Type": "Pass", "End": true},
              "Done": {"Type": "Succeed"}}}
            """
                .replace("\"Later\": {\"Type\": \"Pass\", \"End\": true},", ""));
    String id = stepwise.api().start("console-short-wait", Map.of("order", 7));
    browser.open(page("/executions/" + id));

    awaitStatus("Pause", "running");
    assertThat(status("Prepare")).isEqualTo("succeeded");
    assertThat(status("Done")).isEqualTo("not-reached");
    browser.script("window.notReloaded = true");

    awaitStatus("Pause", "succeeded");
    awaitStatus("Done", "succeeded");
    assertThat(browser.script("return window.notReloaded")).isEqualTo(true);
    browser.await(
        d -> String.valueOf(browser.text("#execution-status")).contains("succeeded") ? true : null);

    // The keyboard opens a state's panel: its input, output and timings.
    browser.state("Prepare").sendKeys(Keys.ENTER);
    WebElement panel = browser.await(By.id("state-panel"));
    browser.await(d -> panel.getText().contains("\"ready\": true") ? true : null);
    assertThat(panel.getText()).contains("Entered", "\"order\": 7");
    assertThat(browser.all(By.cssSelector("#events tr[data-type='WaitStateExited']"))).hasSize(1);
    assertThat(browser.all(By.cssSelector("#timeline li"))).hasSize(3);
  }

  @Test
  void startsStopsAndRedrivesFromTheButtons() {
    stepwise
        .api()
        .createStateMachine(
            "console-long-wait",
            """
            {"StartAt": "Hold", "States": {
              "Hold": {"Type": "Wait", "Seconds": 600, "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """);
    browser.open(page("/state-machines/console-long-wait"));
    browser.click(By.id("start-execution"));
    browser.await(By.id("execution-name")).sendKeys("from-the-button");
    WebElement input = browser.await(By.id("execution-input"));
    input.clear();
    input.sendKeys("{\"broken\": ");
    assertThat(browser.await(By.id("execution-input-check")).getText()).contains("not JSON");
    input.sendKeys("true}");
    assertThat(browser.await(By.id("execution-input-check")).getText()).contains("valid JSON");
    confirm();

    browser.await(d -> d.getCurrentUrl().contains("/executions/") ? true : null);
    String id = browser.driver.getCurrentUrl().replaceAll(".*/executions/", "");
    assertThat(stepwise.api().execution(id).get("input")).isEqualTo(Map.of("broken", true));
    awaitStatus("Hold", "running");

    browser.click(By.id("stop-execution"));
    confirm();
    awaitStatus("Hold", "cancelled");
    assertThat(stepwise.api().execution(id).get("status")).isEqualTo("ABORTED");

    browser.click(By.id("redrive-execution"));
    confirm();
    awaitStatus("Hold", "running");
    assertThat(stepwise.api().execution(id).get("status")).isEqualTo("RUNNING");
    assertThat(stepwise.api().execution(id).get("redriveCount")).isEqualTo(1);

    // A failing action shows the API's answer: stopping what another client stopped already.
    browser.click(By.id("stop-execution"));
    stepwise.api().post("/v1/executions/" + id + "/stop", Map.of());
    confirm();
    WebElement error = browser.await(By.cssSelector("dialog[open] .error"));
    assertThat(error.getText()).startsWith("409");
    browser.click(By.cssSelector("dialog[open] button[data-action='cancel']"));
  }

  @Test
  void showsTheApisErrorWhenAStartFails() {
    stepwise
        .api()
        .createStateMachine(
            "console-named",
            Resources.text("/seed/parallel.json")
                .replace(
                    "arn:aws:lambda:us-east-1:123456789012:function:TaskA", "http://127.0.0.1:9/a")
                .replace(
                    "arn:aws:lambda:us-east-1:123456789012:function:TaskB",
                    "http://127.0.0.1:9/b"));
    browser.open(page("/state-machines/console-named"));
    browser.click(By.id("start-execution"));
    browser.await(By.id("execution-name")).sendKeys("not a valid name!");
    confirm();

    WebElement error = browser.await(By.cssSelector("dialog[open] .error"));
    assertThat(error.getText()).startsWith("400").contains("name");
    browser.click(By.cssSelector("dialog[open] button[data-action='cancel']"));
  }

  @Test
  void aLargeMapShowsCountsNotIterations() {
    stepwise
        .api()
        .createStateMachine(
            "console-large-map",
            """
            {"StartAt": "Each", "States": {
              "Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                "ItemProcessor": {"StartAt": "Touch", "States": {
                  "Touch": {"Type": "Pass", "End": true}}}}}}
            """);
    var items = java.util.stream.IntStream.range(0, 1000).boxed().toList();
    String id = stepwise.api().start("console-large-map", Map.of("items", items));
    stepwise.api().awaitEnd(id, Duration.ofSeconds(60));

    browser.open(page("/executions/" + id));
    awaitStatus("Each", "succeeded");
    browser.await(
        d ->
            "1000/1000 succeeded".equals(browser.text("[data-state-name='Each'] .counts"))
                ? true
                : null);
    assertThat(browser.all(By.cssSelector("#execution-graph [data-state-name]"))).hasSize(2);
    assertThat(browser.all(By.cssSelector("#events tbody tr"))).hasSize(100);
    browser.click(By.id("events-next"));
    browser.await(
        d -> String.valueOf(browser.text("#events tbody tr td")).equals("101") ? true : null);

    // A Map's box holds its item processor's states: its header is where it is clicked.
    browser.click(By.cssSelector("[data-state-name='Each'] > text.name"));
    browser.await(
        d ->
            String.valueOf(browser.text("#state-panel .map-counts"))
                    .startsWith("1000 in all: 1000 succeeded")
                ? true
                : null);
  }

  @Test
  void aDistributedMapLinksToItsChildExecutions() {
    stepwise
        .api()
        .createStateMachine(
            "console-distributed",
            """
            {"StartAt": "Fan out", "States": {"Fan out": {"Type": "Map", "End": true,
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}}}}}
            """);
    String id = stepwise.api().start("console-distributed", java.util.List.of(1, 2, 3));
    stepwise.api().awaitEnd(id, Duration.ofSeconds(30));

    browser.open(page("/executions/" + id));
    awaitStatus("Fan out", "succeeded");
    browser.click(By.cssSelector("[data-state-name='Fan out'] > text.name"));
    browser.await(
        d ->
            d.findElements(By.cssSelector("#state-panel .children li a")).size() == 3
                ? true
                : null);
    browser.click(By.linkText("All child executions →"));
    browser.await(
        d ->
            d.findElements(By.cssSelector("#execution-results tbody tr")).size() == 3
                ? true
                : null);
  }
}
