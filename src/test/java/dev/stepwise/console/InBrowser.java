package dev.stepwise.console;

import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;

/**
 * A Stepwise, an endpoint for its Tasks and a browser, shared by the tests of one class (each test
 * makes state machines of its own). Skipped when no browser is installed.
 */
abstract class InBrowser {
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
}
