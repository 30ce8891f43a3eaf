package dev.stepwise.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.UUID;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of the AWS wire API ({@code POST /} with {@code X-Amz-Target}): checks the SigV4
 * signature against the configured access keys (unless the mode is {@code none}), the role the
 * operation needs, and the caller's prefix against the state machines the request names; answers
 * refusals in AWS's shape, and writes the audit line of every call that is not a read.
 */
final class WireGuard extends OncePerRequestFilter {
  static final long BODY_LIMIT = 1024 * 1024;
  private static final String TARGET_PREFIX = "AWSStepFunctions.";

  private final SecurityMode mode;
  private final AwsCredentials credentials;
  private final RoleHierarchy hierarchy;
  private final String region;
  private final Clock clock;

  WireGuard(
      SecurityMode mode,
      AwsCredentials credentials,
      RoleHierarchy hierarchy,
      String region,
      Clock clock) {
    this.mode = mode;
    this.credentials = credentials;
    this.hierarchy = hierarchy;
    this.region = region;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("X-Amz-Target");
    String operation =
        header != null && header.startsWith(TARGET_PREFIX)
            ? header.substring(TARGET_PREFIX.length())
            : String.valueOf(header);
    CachedBody cached = CachedBody.read(request, BODY_LIMIT);
    if (cached == null) {
      refuse(response, 413, "ValidationException", "Request bodies are limited to 1 MiB");
      return;
    }
    var named = WireTargets.read(operation, cached.body());
    Role needed = WireAccess.required(operation);
    Caller caller = Caller.ANONYMOUS;
    if (mode != SecurityMode.NONE) {
      try {
        caller = authenticate(cached);
      } catch (SigV4.Refused refused) {
        refuse(response, 400, refused.code, refused.getMessage());
        AuditLog.record(Caller.ANONYMOUS, operation, named.target(), "unauthenticated");
        return;
      }
      String denial = denial(caller, operation, needed, named);
      if (denial != null) {
        refuse(response, 400, "AccessDeniedException", denial);
        AuditLog.record(caller, operation, named.target(), "denied");
        return;
      }
      var context = new SecurityContextImpl(new CallerAuthentication(caller));
      SecurityContextHolder.setContext(context);
    }
    try {
      chain.doFilter(cached, response);
    } finally {
      if (needed != Role.VIEWER) {
        AuditLog.record(caller, operation, named.target(), AuditLog.outcome(response.getStatus()));
      }
    }
  }

  private Caller authenticate(CachedBody request) throws SigV4.Refused {
    var auth = SigV4.Authorization.parse(request.getHeader("Authorization"));
    var signed =
        new SigV4.SignedRequest(
            request.getMethod(),
            request.getRequestURI(),
            request.getQueryString(),
            name -> {
              var values = request.getHeaders(name);
              return values == null ? java.util.List.of() : Collections.list(values);
            },
            request.body());
    SigV4.checkScope(auth, signed, region, clock.instant());
    var pair =
        credentials
            .find(auth.accessKeyId())
            .orElseThrow(
                () ->
                    new SigV4.Refused(
                        SigV4.UNRECOGNIZED,
                        "The security token included in the request is invalid."));
    SigV4.verify(auth, signed, pair.secretAccessKey());
    return pair.caller();
  }

  /** Why the caller may not make this call, in AWS's wording; null when it may. */
  private String denial(Caller caller, String operation, Role needed, WireTargets.Named named) {
    boolean hasRole =
        hierarchy
            .getReachableGrantedAuthorities(new CallerAuthentication(caller).getAuthorities())
            .stream()
            .anyMatch(a -> needed.authority().equals(a.getAuthority()));
    String action = "states:" + operation;
    if (!hasRole) {
      return "User: "
          + caller.name()
          + " is not authorized to perform: "
          + action
          + " (it needs the role "
          + needed.configName()
          + ")";
    }
    if (caller.prefix() == null) return null;
    if (named.unreadable()) {
      return "User: "
          + caller.name()
          + " is not authorized to perform: "
          + action
          + " on a request whose resources cannot be read";
    }
    for (String stateMachine : named.names()) {
      if (!caller.permits(stateMachine)) {
        return "User: "
            + caller.name()
            + " is not authorized to perform: "
            + action
            + " on resource: "
            + named.target()
            + " (limited to state machines whose names start with '"
            + caller.prefix()
            + "')";
      }
    }
    return null;
  }

  private static void refuse(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/x-amz-json-1.0");
    response.setHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    response.setHeader("x-amzn-ErrorType", code);
    String body =
        "{\"__type\":\"com.amazon.coral.service#"
            + code
            + "\",\"message\":"
            + ProblemResponses.jsonString(message)
            + "}";
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
