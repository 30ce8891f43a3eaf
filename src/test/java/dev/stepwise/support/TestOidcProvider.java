package dev.stepwise.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stepwise.asl.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A small OpenID Connect provider in the test process, over real HTTP: discovery, a JWK set, an
 * authorization endpoint that signs in whoever the test says is at the keyboard (or shows a sign-in
 * page when nobody is), a token endpoint that checks the client's secret and the PKCE verifier and
 * answers an ID token and a JWT access token signed with a key made here, and a sign-out endpoint
 * that forgets the person.
 */
public final class TestOidcProvider implements AutoCloseable {
  public static final String CLIENT_ID = "stepwise-console";
  public static final String CLIENT_SECRET = "console-secret-for-tests";
  public static final String SIGN_IN_PAGE = "Sign in at the test provider";

  /** A person: their subject, and the claims their ID token and access token carry. */
  public record User(
      String subject, Map<String, Object> idToken, Map<String, Object> accessToken) {}

  private record Grant(User user, Map<String, String> authorization) {}

  private final HttpServer server;
  private final RSAKey key;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> logouts = new CopyOnWriteArrayList<>();
  private volatile User atTheKeyboard;

  public TestOidcProvider() {
    try {
      key = new RSAKeyGenerator(2048).keyID("provider-key").generate();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/.well-known/openid-configuration", e -> json(e, 200, discovery()));
    server.createContext("/jwks", e -> json(e, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
    server.createContext("/authorize", this::authorize);
    server.createContext("/token", this::token);
    server.createContext("/logout", this::logout);
    server.start();
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The Stepwise settings that use this provider for the console and for bearer tokens. */
  public Map<String, Object> settings() {
    var settings = new HashMap<String, Object>();
    String registration = "spring.security.oauth2.client.registration.console.";
    settings.put("stepwise.security.mode", "oidc");
    settings.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer());
    settings.put("spring.security.oauth2.client.provider.console.issuer-uri", issuer());
    settings.put(registration + "client-id", CLIENT_ID);
    settings.put(registration + "client-secret", CLIENT_SECRET);
    settings.put(registration + "scope", "openid,profile");
    settings.put(
        registration + "redirect-uri", "{baseUrl}/console/login/oauth2/code/{registrationId}");
    return settings;
  }

  /** Who the next sign-in will be (null: nobody, the provider shows its sign-in page). */
  public void signIn(User user) {
    atTheKeyboard = user;
  }

  /** The query of each authorization request, in order. */
  public List<Map<String, String>> authorizations() {
    return authorizations;
  }

  /** The query of each sign-out request, in order. */
  public List<Map<String, String>> logouts() {
    return logouts;
  }

  /** An access token for {@code user}, as a bearer for the API. */
  public String accessToken(User user) {
    return sign(claims(user.subject(), user.accessToken()).build());
  }

  private Map<String, Object> discovery() {
    var d = new HashMap<String, Object>();
    d.put("issuer", issuer());
    d.put("authorization_endpoint", issuer() + "/authorize");
    d.put("token_endpoint", issuer() + "/token");
    d.put("jwks_uri", issuer() + "/jwks");
    d.put("end_session_endpoint", issuer() + "/logout");
    d.put("response_types_supported", List.of("code"));
    d.put("subject_types_supported", List.of("public"));
    d.put("id_token_signing_alg_values_supported", List.of("RS256"));
    d.put("scopes_supported", List.of("openid", "profile"));
    d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
    d.put("code_challenge_methods_supported", List.of("S256"));
    d.put("grant_types_supported", List.of("authorization_code"));
    return d;
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    authorizations.add(query);
    User user = atTheKeyboard;
    if (user == null) {
      byte[] page =
          ("<!doctype html><title>Provider</title><h1>" + SIGN_IN_PAGE + "</h1>")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html");
      exchange.sendResponseHeaders(200, page.length);
      try (exchange) {
        exchange.getResponseBody().write(page);
      }
      return;
    }
    String code = UUID.randomUUID().toString();
    codes.put(code, new Grant(user, query));
    String back =
        query.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
    redirect(exchange, back);
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> body =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      json(exchange, 401, Map.of("error", "invalid_client"));
      return;
    }
    Grant grant = codes.remove(String.valueOf(body.get("code")));
    if (grant == null
        || !grant.authorization().get("redirect_uri").equals(body.get("redirect_uri"))
        || !challenge(body.get("code_verifier"))
            .equals(grant.authorization().get("code_challenge"))) {
      json(exchange, 400, Map.of("error", "invalid_grant"));
      return;
    }
    User user = grant.user();
    var id = claims(user.subject(), user.idToken()).audience(CLIENT_ID);
    if (grant.authorization().get("nonce") != null)
      id.claim("nonce", grant.authorization().get("nonce"));
    json(
        exchange,
        200,
        Map.of(
            "access_token",
            accessToken(user),
            "token_type",
            "Bearer",
            "expires_in",
            600,
            "scope",
            "openid profile",
            "id_token",
            sign(id.build())));
  }

  private void logout(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    logouts.add(query);
    atTheKeyboard = null;
    String back = query.get("post_logout_redirect_uri");
    if (back != null) {
      redirect(exchange, back);
    } else {
      json(exchange, 200, Map.of("signedOut", true));
    }
  }

  private JWTClaimsSet.Builder claims(String subject, Map<String, Object> extra) {
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer())
            .subject(subject)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    extra.forEach(claims::claim);
    return claims;
  }

  private String sign(JWTClaimsSet claims) {
    try {
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String challenge(String verifier) {
    if (verifier == null) return "no verifier";
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> form(String raw) {
    var values = new HashMap<String, String>();
    if (raw == null || raw.isEmpty()) return values;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void json(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (exchange) {
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
