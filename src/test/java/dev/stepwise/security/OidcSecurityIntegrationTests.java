package dev.stepwise.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mode {@code oidc}: JWTs signed by a key pair made here, checked against a JWK set served by a
 * real local HTTP endpoint; roles from the {@code groups} claim, a prefix from {@code team}.
 */
class OidcSecurityIntegrationTests {
  static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  static RSAKey key;
  static RSAKey stranger;
  static HttpServer jwks;
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("test-key").generate();
    stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
    byte[] keySet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext(
        "/jwks",
        exchange -> {
          try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
          }
        });
    jwks.start();
    stepwise =
        StepwiseInstance.start(
            Map.of(
                "stepwise.security.mode", "oidc",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                    "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks",
                "stepwise.security.oidc.roles-claim", "groups",
                "stepwise.security.oidc.prefix-claim", "team",
                "stepwise.security.oidc.principal-claim", "email"));
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
    if (jwks != null) jwks.stop(0);
  }

  static String token(RSAKey signer, String email, Object groups, String team, Instant expires)
      throws Exception {
    var claims =
        new JWTClaimsSet.Builder()
            .subject("user-" + email)
            .claim("email", email)
            .claim("groups", groups)
            .expirationTime(Date.from(expires))
            .issueTime(new Date());
    if (team != null) claims.claim("team", team);
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
            claims.build());
    jwt.sign(new RSASSASigner(signer));
    return jwt.serialize();
  }

  static Api as(String token) {
    return stepwise.api().withBearer(token);
  }

  static Instant soon() {
    return Instant.now().plusSeconds(600);
  }

  @Test
  void rolesComeFromTheConfiguredClaimAndTheNameFromThePrincipalClaim() throws Exception {
    String author =
        token(key, "ann@example.com", List.of("author", "offline_access"), null, soon());
    String operator = token(key, "otto@example.com", "operator", null, soon());
    assertThat(
            as(author)
                .post("/v1/state-machines", Map.of("name", "oidc-flow", "definition", PASS))
                .status())
        .isEqualTo(201);
    assertThat(as(author).post("/v1/state-machines/oidc-flow/executions", Map.of()).status())
        .isEqualTo(403);
    var started = as(operator).post("/v1/state-machines/oidc-flow/executions", Map.of());
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.json()).containsEntry("startedBy", "otto@example.com");
    assertThat(
            as(operator)
                .post("/v1/state-machines", Map.of("name", "oidc-other", "definition", PASS))
                .status())
        .isEqualTo(403);
  }

  @Test
  void aTokenWithoutRolesIsForbiddenAndABadTokenUnauthorized() throws Exception {
    assertThat(
            as(token(key, "nobody@example.com", List.of(), null, soon()))
                .get("/v1/state-machines")
                .status())
        .isEqualTo(403);
    var forged =
        as(token(stranger, "eve@example.com", List.of("admin"), null, soon()))
            .get("/v1/state-machines");
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
    var expired =
        as(token(key, "old@example.com", List.of("admin"), null, Instant.now().minusSeconds(3600)))
            .get("/v1/state-machines");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(stepwise.api().get("/v1/state-machines").status()).isEqualTo(401);
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePrefixClaimConfinesTheCaller() throws Exception {
    String admin = token(key, "root@example.com", List.of("admin"), null, soon());
    String teamA = token(key, "amy@example.com", List.of("admin"), "oidc-a-", soon());
    as(admin).post("/v1/state-machines", Map.of("name", "oidc-b-flow", "definition", PASS));
    as(teamA).post("/v1/state-machines", Map.of("name", "oidc-a-flow", "definition", PASS));
    assertThat(as(teamA).get("/v1/state-machines/oidc-b-flow").status()).isEqualTo(403);
    assertThat(as(teamA).get("/v1/state-machines/oidc-a-flow").status()).isEqualTo(200);
    var names = (List<Map<String, Object>>) as(teamA).get("/v1/state-machines").json().get("items");
    assertThat(names).extracting(m -> m.get("name")).containsExactly("oidc-a-flow");
  }
}
