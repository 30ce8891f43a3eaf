package dev.stepwise.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Resources;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Approvals, the lists and the overview in a real browser. */
class ConsoleApprovalsIntegrationTests extends InBrowser {

  @Test
  void approvingOnTheApprovalsPageResumesTheExecution() {
    stepwise
        .api()
        .createStateMachine(
            "console-callback-approval",
            """
            {"StartAt": "Ask", "States": {
              "Ask": {"Type": "Task", "Resource": "%s.waitForTaskToken",
                      "Parameters": {"token.$": "$$.Task.Token", "expense.$": "$.expense"},
                      "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """
                .formatted(endpoint.url("/ask")));
    String id = stepwise.api().start("console-callback-approval", Map.of("expense", 420));
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
    browser.screenshot("running-execution", 1000);

    browser.open(page("/approvals"));
    WebElement row =
        browser.await(By.cssSelector("#approvals tr[data-execution-id='" + large + "']"));
    assertThat(row.getText()).contains("activity manager-approval");
    row.findElement(By.cssSelector("details summary")).click();
    browser.screenshot("approvals", 600);
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
  void listsFilterAndTheOverviewCounts() {
    stepwise
        .api()
        .createStateMachine(
            "console-listed-one",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Fail\", \"Error\": \"E\"}}}");
    stepwise
        .api()
        .createStateMachine(
            "console-listed-two",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}");
    String failed = stepwise.api().start("console-listed-one", Map.of());
    stepwise.api().awaitEnd(failed, Duration.ofSeconds(20));

    browser.open(page("/state-machines?search=console-listed-"));
    browser.await(
        d -> d.findElements(By.cssSelector("#sm-results tbody tr")).size() == 2 ? true : null);
    assertThat(browser.text("#sm-results tbody tr"))
        .contains("console-listed-one")
        .contains("failed");
    browser.click(By.linkText("console-listed-one"));
    browser.await(
        d -> d.getCurrentUrl().endsWith("/state-machines/console-listed-one") ? true : null);
    assertThat(
            browser
                .await(By.cssSelector("#recent-executions a.execution-link"))
                .getAttribute("href"))
        .endsWith("/executions/" + failed);

    browser.open(page("/executions?status=FAILED&stateMachine=console-listed-one"));
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
}
