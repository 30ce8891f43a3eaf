package dev.stepwise.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import dev.stepwise.support.TestOidcProvider;
import dev.stepwise.support.TestOidcProvider.User;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Signing in to the console through an OpenID Connect provider (a small one in the test), in a real
 * browser: the provider's redirects, the login cookie, the CSRF token on an approval, the live
 * stream, and signing out. A fresh browser for each test, so no login carries over.
 */
class ConsoleLoginBrowserIntegrationTests {
  static final User OPERATOR =
      new User(
          "u-olga", Map.of("email", "olga@example.com", "groups", List.of("operator")), Map.of());
  static final User VIEWER =
      new User("u-vic", Map.of("email", "vic@example.com"), Map.of("groups", List.of("viewer")));

  static TestOidcProvider provider;
  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;
  static Api admin;
  Browser browser;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    provider = new TestOidcProvider();
    endpoint = new TestEndpoint();
    endpoint.on("/ask", call -> Answer.ok(Map.of("asked", true)));
    var settings = new HashMap<>(provider.settings());
    settings.put("stepwise.security.oidc.roles-claim", "groups");
    settings.put("stepwise.security.oidc.principal-claim", "email");
    stepwise = StepwiseInstance.start(settings);
    admin =
        stepwise
            .api()
            .withBearer(
                provider.accessToken(
                    new User("u-admin", Map.of(), Map.of("groups", List.of("admin")))));
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
    if (endpoint != null) endpoint.close();
    if (provider != null) provider.close();
  }

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) browser.close();
  }

  @Test
  void anOperatorSignsInApprovesAndSignsOut() {
    String id = waitingExecution("login-browser-approval");
    provider.signIn(OPERATOR);
    browser.open(stepwise.api().base() + "/approvals");
    WebElement row = browser.await(By.cssSelector("#approvals tr[data-execution-id='" + id + "']"));
    assertThat(browser.await(By.cssSelector("header .who")).getText())
        .contains("olga@example.com", "operator");
    row.findElement(By.cssSelector("button.approve")).click();
    WebElement output = browser.await(By.id("approve-output"));
    output.clear();
    output.sendKeys("{\"approvedBy\": \"olga\"}");
    browser.click(By.cssSelector("dialog[open] button[data-action='confirm']"));
    var ended = admin.awaitEnd(id, Duration.ofSeconds(20));
    assertThat(ended.get("status")).isEqualTo("SUCCEEDED");
    assertThat(ended.get("output")).isEqualTo(Map.of("approvedBy", "olga"));

    browser.click(By.id("sign-out"));
    // Signed out at the provider too: back at the console, the provider asks who is there.
    browser.await(d -> d.getPageSource().contains(TestOidcProvider.SIGN_IN_PAGE) ? true : null);
    assertThat(provider.logouts()).isNotEmpty();
    assertThat(provider.logouts().getLast()).containsKey("id_token_hint");
  }

  @Test
  void aViewerSeesTheOverviewAndALiveExecutionButNotTheApprovals() {
    String id = waitingExecution("login-browser-viewer");
    provider.signIn(VIEWER);
    browser.open(stepwise.api().base() + "/overview");
    browser.await(By.cssSelector("#overview .cards"));
    assertThat(browser.text("header .who")).contains("vic@example.com", "viewer");

    browser.open(stepwise.api().base() + "/executions/" + id);
    browser.await(
        d -> "waiting".equals(browser.state("Ask").getAttribute("data-status")) ? true : null);
    // The live stream (not polling) works on the login cookie.
    assertThat(browser.text("#main")).contains("live");

    browser.open(stepwise.api().base() + "/approvals");
    WebElement refusal = browser.await(By.cssSelector("#main .error"));
    assertThat(refusal.getText()).contains("403");
  }

  private String waitingExecution(String name) {
    admin.createStateMachine(
        name,
        """
        {"StartAt": "Ask", "States": {
          "Ask": {"Type": "Task", "Resource": "%s.waitForTaskToken",
                  "Parameters": {"token.$": "$$.Task.Token"}, "End": true}}}
        """
            .formatted(endpoint.url("/ask")));
    String id = admin.start(name, Map.of());
    admin.awaitEvent(id, "TaskSubmitted", Duration.ofSeconds(20));
    return id;
  }
}
