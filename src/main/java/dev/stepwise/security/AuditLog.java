package dev.stepwise.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per state-changing call on logger {@code stepwise.audit}: who, what, on what, and how it
 * ended. The fields are in the message ({@code principal=… action=… target=… outcome=…}) and, for
 * structured logging ({@code logging.structured.format.console}), key-value pairs too. Never a key,
 * a token or a request body: only names.
 */
final class AuditLog {
  private static final Logger log = LoggerFactory.getLogger("stepwise.audit");

  private AuditLog() {}

  static void record(Caller caller, String action, String target, String outcome) {
    String principal = clean(caller.name());
    String what = clean(action);
    String on = clean(target);
    log.atInfo()
        .addKeyValue("principal", principal)
        .addKeyValue("action", what)
        .addKeyValue("target", on)
        .addKeyValue("outcome", outcome)
        .log("principal={} action={} target={} outcome={}", principal, what, on, outcome);
  }

  /** Outcome of an answered call by its status. */
  static String outcome(int status) {
    if (status < 400) return "succeeded";
    if (status == 401) return "unauthenticated";
    if (status == 403) return "denied";
    return "failed(" + status + ")";
  }

  /** No line breaks or spaces a reader could take for a field of its own. */
  private static String clean(String value) {
    if (value == null || value.isEmpty()) return "-";
    String cleaned = value.replaceAll("[\\p{Cntrl}\\s]", "_");
    return cleaned.length() > 300 ? cleaned.substring(0, 300) + "…" : cleaned;
  }
}
