package dev.stepwise.security;

import dev.stepwise.failure.NotFound;
import dev.stepwise.lifecycle.Executions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Confines a caller with a prefix to the state machines whose names start with it, on every native
 * path that names a state machine or an execution (whose state machine is looked up). Lists without
 * a state machine are filtered by the controllers ({@link Caller#prefix()}), and a created state
 * machine's name, which is in the body, is checked by its controller.
 */
final class PrefixGuard extends OncePerRequestFilter {
  private static final Pattern STATE_MACHINE =
      Pattern.compile("^/v1/state-machines/([^/]+)(/.*)?$");
  private static final Pattern EXECUTION = Pattern.compile("^/v1/executions/([^/]+)(/.*)?$");

  private final Executions executions;

  PrefixGuard(Executions executions) {
    this.executions = executions;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Caller caller = Caller.current();
    if (caller.prefix() != null) check(caller, request);
    chain.doFilter(request, response);
  }

  private void check(Caller caller, HttpServletRequest request) {
    String path = ProblemResponses.path(request);
    Matcher m = STATE_MACHINE.matcher(path);
    if (m.matches()) {
      caller.require(unqualified(decode(m.group(1))));
      return;
    }
    m = EXECUTION.matcher(path);
    if (m.matches()) {
      requireExecution(caller, decode(m.group(1)));
      return;
    }
    if (path.equals("/v1/executions")) {
      String stateMachine = request.getParameter("stateMachine");
      if (stateMachine != null) caller.require(unqualified(stateMachine));
      String parent = request.getParameter("parentExecution");
      if (parent != null) requireExecution(caller, parent);
    }
  }

  private void requireExecution(Caller caller, String executionId) {
    String stateMachine;
    try {
      stateMachine = executions.describe(executionId).stateMachine();
    } catch (NotFound e) {
      // The API answers 404 as for anyone: an id says nothing about whose it would be.
      return;
    }
    if (!caller.permits(stateMachine)) {
      throw new AccessDeniedException(
          "'"
              + caller.name()
              + "' may only use executions of state machines whose names start with '"
              + caller.prefix()
              + "'");
    }
  }

  /** {@code name:prod} and {@code name:2} are versions and aliases of {@code name}. */
  private static String unqualified(String name) {
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(0, colon);
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
