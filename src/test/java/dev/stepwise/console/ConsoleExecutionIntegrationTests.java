package dev.stepwise.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Resources;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Executions in a real browser: live statuses, the actions, approvals. */
class ConsoleExecutionIntegrationTests {
  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;
  static Browser browser;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    endpoint = new TestEndpoint();
    endpoint.on("/ask", call -> Answer.ok(Map.of("asked", true)));
    stepwise = StepwiseInstance.start(Map.of());
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (stepwise != null) stepwise.close();
    if (endpoint != null) endpoint.close();
  }

  String page(String path) {
    return stepwise.api().base() + path;
  }

  void confirm() {
    browser.click(By.cssSelector("dialog[open] button[data-action='confirm']"));
  }

  String status(String state) {
    return browser.state(state).getAttribute("data-status");
  }

  void awaitStatus(String state, String status) {
    browser.await(d -> status.equals(status(state)) ? true : null);
  }

  @Test
  void aRunningWaitStateTurnsSucceededWithoutAReload() {
    stepwise
        .api()
        .createStateMachine(
            "short-wait",
            """
            {"StartAt": "Prepare", "States": {
              "Prepare": {"Type": "Pass", "Result": {"ready": true}, "Next": "Pause"},
              "Pause": {"Type": "Wait", "Seconds": 3, "Next": "Done"},
              "Later": {"Type": "Pass", "End": true},
              "Done": {"Type": "Succeed"}}}
            """
                .replace("\"Later\": {\"Type\": \"Pass\", \"End\": true},", ""));
    String id = stepwise.api().start("short-wait", Map.of("order", 7));
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
            "long-wait",
            """
            {"StartAt": "Hold", "States": {
              "Hold": {"Type": "Wait", "Seconds": 600, "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """);
    browser.open(page("/state-machines/long-wait"));
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
            "named",
            Resources.text("/seed/parallel.json")
                .replace(
                    "arn:aws:lambda:us-east-1:123456789012:function:TaskA", "http://127.0.0.1:9/a")
                .replace(
                    "arn:aws:lambda:us-east-1:123456789012:function:TaskB",
                    "http://127.0.0.1:9/b"));
    browser.open(page("/state-machines/named"));
    browser.click(By.id("start-execution"));
    browser.await(By.id("execution-name")).sendKeys("not a valid name!");
    confirm();

    WebElement error = browser.await(By.cssSelector("dialog[open] .error"));
    assertThat(error.getText()).startsWith("400").contains("name");
    browser.click(By.cssSelector("dialog[open] button[data-action='cancel']"));
  }

  @Test
  void approvingOnTheApprovalsPageResumesTheExecution() {
    stepwise
        .api()
        .createStateMachine(
            "callback-approval",
            """
            {"StartAt": "Ask", "States": {
              "Ask": {"Type": "Task", "Resource": "%s.waitForTaskToken",
                      "Parameters": {"token.$": "$$.Task.Token", "expense.$": "$.expense"},
                      "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """
                .formatted(endpoint.url("/ask")));
    String id = stepwise.api().start("callback-approval", Map.of("expense", 420));
    browser.open(page("/executions/" + id));
    awaitStatus("Ask", "waiting");

    browser.open(page("/approvals"));
    WebElement row = browser.await(By.cssSelector("#approvals tr[data-execution-id='" + id + "']"));
    assertThat(row.getText()).contains("Ask");
    row.findElement(By.cssSelector("details summary")).click();
    assertThat(row.getText()).contains("\"expense\": 420");
    row.findElement(By.cssSelector("button.approve")).click();
    WebElement output = browser.await(By.id("approve-output"));
    output.clear();
    output.sendKeys("{\"approved\": true, \"by\": \"ann\"}");
    confirm();

    var ended = stepwise.api().awaitEnd(id, Duration.ofSeconds(20));
    assertThat(ended.get("status")).isEqualTo("SUCCEEDED");
    assertThat(ended.get("output")).isEqualTo(Map.of("approved", true, "by", "ann"));
    browser.await(
        d ->
            d.findElements(By.cssSelector("#approvals tr[data-execution-id='" + id + "']"))
                    .isEmpty()
                ? true
                : null);
  }

  @Test
  void rejectingTheReadmesActivityExampleFailsIt() {
    stepwise.api().post("/v1/activities", Map.of("name", "manager-approval"));
    stepwise
        .api()
        .createStateMachine("expense-approval", Resources.text("/console/expense-approval.json"));
    String small = stepwise.api().start("expense-approval", Map.of("amount", 40));
    String large =
        (String)
            stepwise
                .api()
                .post(
                    "/v1/state-machines/expense-approval/executions",
                    Map.of("name", "expense-2500", "input", Map.of("amount", 2500, "by", "bob")))
                .json()
                .get("executionId");
    assertThat(stepwise.api().awaitEnd(small, Duration.ofSeconds(20)).get("status"))
        .isEqualTo("SUCCEEDED");

    browser.open(page("/executions/" + large));
    awaitStatus("Ask a manager", "waiting");
    assertThat(status("Auto-approve")).isEqualTo("not-reached");
    browser.state("Ask a manager").click();
    browser.await(
        d ->
            String.valueOf(browser.text("#state-panel")).contains("\"amount\": 2500")
                ? true
                : null);
    browser.screenshot("running-execution");

    browser.open(page("/approvals"));
    WebElement row =
        browser.await(By.cssSelector("#approvals tr[data-execution-id='" + large + "']"));
    assertThat(row.getText()).contains("activity manager-approval");
    row.findElement(By.cssSelector("details summary")).click();
    browser.screenshot("approvals");
    row.findElement(By.cssSelector("button.reject")).click();
    browser.await(By.id("reject-cause")).sendKeys("Too expensive");
    confirm();

    var ended = stepwise.api().awaitEnd(large, Duration.ofSeconds(20));
    assertThat(ended.get("error")).isEqualTo("ExpenseRejected");
    browser.open(page("/executions/" + large));
    awaitStatus("Ask a manager", "caught");
    awaitStatus("Rejected", "failed");
  }

  @Test
  void aLargeMapShowsCountsNotIterations() {
    stepwise
        .api()
        .createStateMachine(
            "large-map",
            """
            {"StartAt": "Each", "States": {
              "Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                "ItemProcessor": {"StartAt": "Touch", "States": {
                  "Touch": {"Type": "Pass", "End": true}}}}}}
            """);
    var items = java.util.stream.IntStream.range(0, 1000).boxed().toList();
    String id = stepwise.api().start("large-map", Map.of("items", items));
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
  void listsFilterAndTheOverviewCounts() {
    stepwise
        .api()
        .createStateMachine(
            "listed-one",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Fail\", \"Error\": \"E\"}}}");
    stepwise
        .api()
        .createStateMachine(
            "listed-two",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}");
    String failed = stepwise.api().start("listed-one", Map.of());
    stepwise.api().awaitEnd(failed, Duration.ofSeconds(20));

    browser.open(page("/state-machines?search=listed-"));
    browser.await(
        d -> d.findElements(By.cssSelector("#sm-results tbody tr")).size() == 2 ? true : null);
    assertThat(browser.text("#sm-results tbody tr")).contains("listed-one").contains("failed");
    browser.click(By.linkText("listed-one"));
    browser.await(d -> d.getCurrentUrl().endsWith("/state-machines/listed-one") ? true : null);
    assertThat(
            browser
                .await(By.cssSelector("#recent-executions a.execution-link"))
                .getAttribute("href"))
        .endsWith("/executions/" + failed);

    browser.open(page("/executions?status=FAILED&stateMachine=listed-one"));
    browser.await(
        d ->
            d.findElements(By.cssSelector("#execution-results a[href$='" + failed + "']")).isEmpty()
                ? null
                : true);
    assertThat(browser.all(By.cssSelector("#execution-results tbody tr"))).hasSize(1);

    browser.open(page("/overview"));
    browser.await(d -> browser.text("#overview .card") != null ? true : null);
    assertThat(browser.text("#overview")).contains("Failed, last hour").contains("Queue depth");
    assertThat(browser.await(By.linkText("/actuator/prometheus")).getAttribute("href"))
        .endsWith("/actuator/prometheus");
    assertThat(browser.all(By.cssSelector("nav a[aria-current='page']")))
        .extracting(WebElement::getText)
        .containsExactly("Overview");
  }

  @Test
  void aDistributedMapLinksToItsChildExecutions() {
    stepwise
        .api()
        .createStateMachine(
            "distributed",
            """
            {"StartAt": "Fan out", "States": {"Fan out": {"Type": "Map", "End": true,
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}}}}}
            """);
    String id = stepwise.api().start("distributed", java.util.List.of(1, 2, 3));
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
