package dev.stepwise.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks executions' histories against a reference: a history recorded without chaos. Every run of
 * the chaos state machine takes the same path (the stub answers deterministically), so each event
 * kind (type and state name) must occur exactly as often as in the reference; any extra one is a
 * duplicated event (a state entered twice, a Task outcome recorded twice, an execution ending
 * twice). Event ids must count 1, 2, 3, ... with no gap and no repeat.
 */
final class HistoryAudit {
  private final Map<String, Integer> reference;
  int duplicatedEvents;
  int missingEvents;
  int idProblems;
  final List<String> findings = new ArrayList<>();

  HistoryAudit(Map<String, Integer> reference) {
    this.reference = reference;
  }

  /** Event kind counts: "TaskStateEntered/Work" -> 3, "ExecutionSucceeded" -> 1, ... */
  @SuppressWarnings("unchecked")
  static Map<String, Integer> signature(List<Map<String, Object>> events) {
    var counts = new TreeMap<String, Integer>();
    for (var event : events) {
      var details = (Map<String, Object>) event.get("details");
      Object name = details == null ? null : details.get("name");
      String kind = event.get("type") + (name instanceof String s ? "/" + s : "");
      counts.merge(kind, 1, Integer::sum);
    }
    return counts;
  }

  /** Audits one execution; {@code succeeded} also requires no event to be missing. */
  void audit(String executionId, boolean succeeded, List<Map<String, Object>> events) {
    auditIds(executionId, events);
    var counts = signature(events);
    var kinds = new java.util.TreeSet<>(reference.keySet());
    kinds.addAll(counts.keySet());
    for (String kind : kinds) {
      int expected = reference.getOrDefault(kind, 0);
      int actual = counts.getOrDefault(kind, 0);
      if (actual > expected) {
        duplicatedEvents += actual - expected;
        findings.add("%s: %s %d times, expected %d".formatted(executionId, kind, actual, expected));
      } else if (succeeded && actual < expected) {
        missingEvents += expected - actual;
        findings.add("%s: %s %d times, expected %d".formatted(executionId, kind, actual, expected));
      }
    }
  }

  private void auditIds(String executionId, List<Map<String, Object>> events) {
    for (int i = 0; i < events.size(); i++) {
      long id = ((Number) events.get(i).get("id")).longValue();
      if (id != i + 1) {
        idProblems++;
        findings.add(
            "%s: event #%d has id %d (ids must count 1, 2, 3, ...)"
                .formatted(executionId, i + 1, id));
        return;
      }
    }
  }
}
