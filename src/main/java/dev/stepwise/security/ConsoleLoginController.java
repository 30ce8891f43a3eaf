package dev.stepwise.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the console's script how it is signed in. {@code provider}: through the OpenID Connect
 * provider, with the person's name and roles, the CSRF token every change must carry, and where to
 * sign out; the script then calls the REST API through {@code /console/v1}. {@code bearer}: the
 * script sends an API key or token the user enters. {@code none}: no authentication.
 */
@RestController
class ConsoleLoginController {
  static final String PATH = "/console/api/login";
  private final SecurityProperties settings;

  ConsoleLoginController(SecurityProperties settings) {
    this.settings = settings;
  }

  @GetMapping(PATH)
  Map<String, Object> login(HttpServletRequest request) {
    var body = new LinkedHashMap<String, Object>();
    Caller caller = Caller.current();
    // Only the console's login chain issues CSRF tokens: the APIs keep no login to protect.
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
      body.put("mode", "provider");
      body.put("name", caller.name());
      body.put("roles", caller.roles().stream().map(Role::configName).sorted().toList());
      body.put("csrf", Map.of("header", csrf.getHeaderName(), "token", csrf.getToken()));
      body.put("logout", ConsoleLoginConfiguration.LOGOUT);
    } else {
      body.put("mode", settings.mode() == SecurityMode.NONE ? "none" : "bearer");
    }
    return body;
  }
}
