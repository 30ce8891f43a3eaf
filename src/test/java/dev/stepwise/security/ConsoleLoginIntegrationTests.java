package dev.stepwise.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import dev.stepwise.support.TestOidcProvider;
import dev.stepwise.support.TestOidcProvider.User;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in through an OpenID Connect provider (a small one in this test), with a real
 * HTTP client that follows redirects and keeps cookies as a browser does.
 */
class ConsoleLoginIntegrationTests {
  static final User OPERATOR =
      new User(
          "u-otto", Map.of("email", "otto@example.com", "groups", List.of("operator")), Map.of());
  // Roles in the access token only, as Keycloak and Entra ID put them.
  static final User VIEWER =
      new User("u-vera", Map.of("email", "vera@example.com"), Map.of("groups", "viewer"));
  static final User ADMIN =
      new User("u-root", Map.of("email", "root@example.com"), Map.of("groups", List.of("admin")));

  static TestOidcProvider provider;
  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    provider = new TestOidcProvider();
    endpoint = new TestEndpoint();
    endpoint.on("/ask", call -> Answer.ok(Map.of("asked", true)));
    stepwise = StepwiseInstance.start(settings());
  }

  static Map<String, Object> settings() {
    var settings = new HashMap<>(provider.settings());
    settings.put("stepwise.security.oidc.roles-claim", "groups");
    settings.put("stepwise.security.oidc.principal-claim", "email");
    return settings;
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
    if (endpoint != null) endpoint.close();
    if (provider != null) provider.close();
  }

  @Test
  void aConsolePageWithoutLoginGoesToTheProviderWithPkce() throws Exception {
    var browser = new ConsoleBrowser(stepwise.api().base(), HttpClient.Redirect.NEVER);
    var page = browser.get("/executions");
    assertThat(page.statusCode()).isEqualTo(302);
    String login = page.headers().firstValue("Location").orElseThrow();
    assertThat(login).endsWith("/console/oauth2/authorization/console");
    var authorization = browser.get(login);
    assertThat(authorization.statusCode()).isEqualTo(302);
    String provided = authorization.headers().firstValue("Location").orElseThrow();
    assertThat(provided).startsWith(provider.issuer() + "/authorize?");
    assertThat(provided)
        .contains("code_challenge=", "code_challenge_method=S256", "nonce=", "client_id=")
        .contains("redirect_uri=" + stepwise.api().base() + "/console/login/oauth2/code/console");

    provider.signIn(null);
    var following = new ConsoleBrowser(stepwise.api().base(), HttpClient.Redirect.NORMAL);
    var landed = following.get("/overview");
    assertThat(landed.uri().toString()).startsWith(provider.issuer() + "/authorize");
    assertThat(landed.body()).contains(TestOidcProvider.SIGN_IN_PAGE);
  }

  @Test
  void theApisStayBearerOnlyWithTheLoginCookieAndWithout() throws Exception {
    var browser = signedIn(OPERATOR);
    var api = browser.get("/v1/state-machines");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Location")).isEmpty();
    assertThat(api.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    var anonymous = new ConsoleBrowser(stepwise.api().base(), HttpClient.Redirect.NEVER);
    var json = anonymous.get("/console/api/overview");
    assertThat(json.statusCode()).isEqualTo(401);
    assertThat(json.body()).contains("Not signed in to the console");
    assertThat(
            stepwise
                .api()
                .withBearer(provider.accessToken(VIEWER))
                .get("/v1/state-machines")
                .status())
        .isEqualTo(200);
  }

  @Test
  void anOperatorApprovesThroughTheConsoleAndAViewerCannot() throws Exception {
    var admin = stepwise.api().withBearer(provider.accessToken(ADMIN));
    admin.createStateMachine(
        "login-approval",
        """
        {"StartAt": "Ask", "States": {
          "Ask": {"Type": "Task", "Resource": "%s.waitForTaskToken",
                  "Parameters": {"token.$": "$$.Task.Token"}, "End": true}}}
        """
            .formatted(endpoint.url("/ask")));
    var operator = signedIn(OPERATOR);
    var viewer = signedIn(VIEWER);
    assertThat(operator.login()).containsEntry("name", "otto@example.com");
    assertThat(operator.login().get("roles")).isEqualTo(List.of("operator"));
    assertThat(viewer.login().get("roles")).isEqualTo(List.of("viewer"));

    var started = operator.post("/console/v1/state-machines/login-approval/executions", "{}", true);
    assertThat(started.statusCode()).isEqualTo(201);
    String id = (String) ConsoleBrowser.json(started.body()).get("executionId");
    assertThat(admin.execution(id)).containsEntry("startedBy", "otto@example.com");
    admin.awaitEvent(id, "TaskSubmitted", Duration.ofSeconds(20));
    assertThat(viewer.get("/console/api/overview").statusCode()).isEqualTo(200);
    assertThat(viewer.get("/console/api/approvals").statusCode()).isEqualTo(403);
    String token = operator.waitingToken(id);

    String answer = "{\"taskToken\":" + ConsoleBrowser.quote(token) + ",\"output\":{\"ok\":1}}";
    assertThat(viewer.post("/console/v1/task-tokens/success", answer, true).statusCode())
        .isEqualTo(403);
    var forged = operator.post("/console/v1/task-tokens/success", answer, false);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");
    assertThat(operator.post("/console/v1/task-tokens/success", answer, true).statusCode())
        .isEqualTo(200);
    assertThat(admin.awaitEnd(id, Duration.ofSeconds(20)).get("status")).isEqualTo("SUCCEEDED");
  }

  @Test
  void theLiveStreamTakesTheLoginCookie() throws Exception {
    var admin = stepwise.api().withBearer(provider.accessToken(ADMIN));
    admin.createStateMachine(
        "login-stream", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
    String id = admin.start("login-stream", Map.of());
    admin.awaitEnd(id, Duration.ofSeconds(20));
    var stream = signedIn(VIEWER).open("/console/api/executions/" + id + "/stream");
    try (var body = stream.body()) {
      assertThat(stream.statusCode()).isEqualTo(200);
      assertThat(stream.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/event-stream");
    }
  }

  @Test
  void signingOutEndsTheLoginHereAndAtTheProvider() throws Exception {
    var person = signedIn(VIEWER);
    String login = "stepwise-login=" + person.cookie("stepwise-login");
    assertThat(person.replay("/console/api/login", login).statusCode()).isEqualTo(200);
    assertThat(person.post("/console/logout", "", false).statusCode()).isEqualTo(403);
    var out = person.post("/console/logout", "", true);
    assertThat(out.statusCode()).isEqualTo(200);
    String location = (String) ConsoleBrowser.json(out.body()).get("location");
    assertThat(location).startsWith(provider.issuer() + "/logout?").contains("id_token_hint=");
    assertThat(person.get("/console/api/login").statusCode()).isEqualTo(401);
    // Ended on the server, not only in the browser: the old cookie is worth nothing.
    assertThat(person.replay("/console/api/login", login).statusCode()).isEqualTo(401);
    provider.signIn(null);
    assertThat(person.get("/overview").body()).contains(TestOidcProvider.SIGN_IN_PAGE);
  }

  @Test
  void aLoginServesEveryReplicaWithTheConsolesOwnCookiesOnly() throws Exception {
    try (var other = StepwiseInstance.start(settings())) {
      provider.signIn(OPERATOR);
      var browser = new ConsoleBrowser(stepwise.api().base(), HttpClient.Redirect.NEVER);
      var toLogin = browser.get("/overview");
      var toProvider = browser.get(ConsoleBrowser.location(toLogin));
      var back = browser.get(ConsoleBrowser.location(toProvider));
      // The provider's redirect back reaches the other replica.
      String callback =
          ConsoleBrowser.location(back).replace(stepwise.api().base(), other.api().base());
      assertThat(callback).startsWith(other.api().base() + "/console/login/oauth2/code/console?");
      var signedIn = browser.get(callback);
      assertThat(signedIn.statusCode()).isEqualTo(302);
      assertThat(ConsoleBrowser.location(signedIn)).contains("/overview");
      assertThat(browser.get("/console/api/login").statusCode()).isEqualTo(200);
      var onTheOther = new ConsoleBrowser(other.api().base(), HttpClient.Redirect.NEVER);
      // The login, the CSRF token and the page to return to; the servlet container's is not one.
      assertThat(browser.cookieNames())
          .contains("stepwise-login")
          .isSubsetOf("stepwise-login", "XSRF-TOKEN", "REDIRECT_URI");
      assertThat(onTheOther.get("/console/api/login").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aCodeAndStateFromAnotherBrowserSignNobodyIn() throws Exception {
    provider.signIn(OPERATOR);
    var attacker = new ConsoleBrowser(stepwise.api().base(), HttpClient.Redirect.NEVER);
    var toProvider = attacker.get(ConsoleBrowser.location(attacker.get("/overview")));
    String callback = ConsoleBrowser.location(attacker.get(ConsoleBrowser.location(toProvider)));
    var victim = new ConsoleBrowser(stepwise.api().base(), HttpClient.Redirect.NEVER);
    var refused = victim.get(callback);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(victim.get("/console/api/login").statusCode()).isEqualTo(401);
  }

  static ConsoleBrowser signedIn(User user) throws Exception {
    provider.signIn(user);
    var browser = new ConsoleBrowser(stepwise.api().base(), HttpClient.Redirect.NORMAL);
    var page = browser.get("/overview");
    assertThat(page.uri().getPath()).isEqualTo("/overview");
    assertThat(page.statusCode()).isEqualTo(200);
    browser.refreshLogin();
    return browser;
  }
}
