package dev.stepwise.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's sign-ins in table {@code console_login}, shared by the replicas: a value is stored
 * under a random token that goes to the browser in an {@code HttpOnly}, {@code SameSite=Lax}
 * cookie, and only the token's SHA-256 goes to the database. Values are Spring Security's own
 * serializable objects; reading one back accepts those classes only.
 */
final class ConsoleLoginStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectInputFilter ONLY_LOGINS =
      ObjectInputFilter.Config.createFilter(
          "java.base/*;org.springframework.security.**;com.nimbusds.**;dev.stepwise.security.*;!*");

  private final JdbcClient jdbc;
  private final Clock clock;

  ConsoleLoginStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores {@code value} for {@code lifetime} and sets the cookie that finds it again. */
  void save(
      String kind,
      Serializable value,
      Duration lifetime,
      Cookies cookie,
      HttpServletRequest request,
      HttpServletResponse response) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("delete from console_login where expires_at < ?").param(now()).update();
    jdbc.sql("insert into console_login (id, kind, content, expires_at) values (?, ?, ?, ?)")
        .params(id(token), kind, serialize(value), at(lifetime))
        .update();
    cookie.set(token, request, response);
  }

  /** The value the request's cookie names, while it lasts. */
  Optional<Object> load(String kind, Cookies cookie, HttpServletRequest request) {
    return cookie
        .value(request)
        .flatMap(
            token ->
                jdbc.sql(
                        "select content from console_login"
                            + " where id = ? and kind = ? and expires_at > ?")
                    .params(id(token), kind, now())
                    .query((rs, n) -> rs.getBytes(1))
                    .optional())
        .map(ConsoleLoginStore::deserialize);
  }

  /** Moves the end of the request's login to {@code lifetime} from now (idle timeout). */
  void extend(String kind, Cookies cookie, HttpServletRequest request, Duration lifetime) {
    cookie
        .value(request)
        .ifPresent(
            token ->
                jdbc.sql(
                        "update console_login set expires_at = ?"
                            + " where id = ? and kind = ? and expires_at < ?")
                    // Written at most once a minute per login, not on each call.
                    .params(at(lifetime), id(token), kind, at(lifetime.minusMinutes(1)))
                    .update());
  }

  /** Deletes what the request's cookie names, and the cookie. */
  void forget(Cookies cookie, HttpServletRequest request, HttpServletResponse response) {
    cookie
        .value(request)
        .ifPresent(
            token -> jdbc.sql("delete from console_login where id = ?").param(id(token)).update());
    if (cookie.value(request).isPresent()) cookie.set("", request, response);
  }

  private static String id(String token) {
    return HexFormat.of().formatHex(ApiKeys.sha256(token));
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private Timestamp at(Duration fromNow) {
    return Timestamp.from(clock.instant().plus(fromNow));
  }

  private static byte[] serialize(Serializable value) {
    var bytes = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new IllegalStateException("A console login could not be stored", e);
    }
    return bytes.toByteArray();
  }

  private static Object deserialize(byte[] bytes) {
    try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      in.setObjectInputFilter(ONLY_LOGINS);
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      // A row from another release (or anything unreadable) is no login: sign in again.
      return null;
    }
  }

  /**
   * A cookie holding a store token: its name, its path, and how long it lives (null: as long as the
   * browser, the row's expiry ending the login).
   */
  record Cookies(String name, String path, Duration maxAge) {
    Optional<String> value(HttpServletRequest request) {
      if (request.getCookies() == null) return Optional.empty();
      for (Cookie c : request.getCookies()) {
        if (c.getName().equals(name) && !c.getValue().isEmpty()) return Optional.of(c.getValue());
      }
      return Optional.empty();
    }

    void set(String value, HttpServletRequest request, HttpServletResponse response) {
      var cookie =
          ResponseCookie.from(name, value)
              .path(path)
              .httpOnly(true)
              .secure(request.isSecure())
              .sameSite("Lax");
      if (value.isEmpty()) cookie.maxAge(Duration.ZERO);
      else if (maxAge != null) cookie.maxAge(maxAge);
      response.addHeader("Set-Cookie", cookie.build().toString());
    }
  }
}
