package dev.stepwise.chaos;

import dev.stepwise.chaos.RecordingStub.Delivery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the Task endpoint saw: how many deliveries each entry into a Task state got, and whether
 * every delivery of one entry (redeliveries after a crash and Retry attempts alike) carried the
 * same {@code Idempotency-Key}, and no two entries shared one.
 */
final class DeliveryAudit {
  final int deliveries;
  final int entries;

  /** Deliveries per entry -> how many entries got that many. */
  final Map<Integer, Integer> perEntry = new TreeMap<>();

  /** Deliveries per entry and attempt -> how many (entry, attempt)s got that many. */
  final Map<Integer, Integer> perAttempt = new TreeMap<>();

  int entriesWithSeveralKeys;
  int keysSharedByEntries;
  int deliveriesWithoutKey;
  final List<String> findings = new ArrayList<>();
  private final Map<String, Integer> entriesPerExecution = new HashMap<>();

  DeliveryAudit(List<Delivery> all) {
    deliveries = all.size();
    var byEntry = new HashMap<String, List<Delivery>>();
    var entriesByKey = new HashMap<String, Set<String>>();
    var byAttempt = new HashMap<String, Integer>();
    for (Delivery d : all) {
      byEntry.computeIfAbsent(d.entry(), e -> new ArrayList<>()).add(d);
      byAttempt.merge(d.entry() + "#" + d.attempt(), 1, Integer::sum);
      if (d.idempotencyKey() == null) deliveriesWithoutKey++;
      else entriesByKey.computeIfAbsent(d.idempotencyKey(), k -> new HashSet<>()).add(d.entry());
    }
    entries = byEntry.size();
    byEntry.forEach(
        (entry, list) -> {
          perEntry.merge(list.size(), 1, Integer::sum);
          entriesPerExecution.merge(list.getFirst().executionId(), 1, Integer::sum);
          var keys = new HashSet<String>();
          for (Delivery d : list) keys.add(String.valueOf(d.idempotencyKey()));
          if (keys.size() > 1) {
            entriesWithSeveralKeys++;
            findings.add("entry " + entry + " got keys " + keys);
          }
        });
    byAttempt.values().forEach(n -> perAttempt.merge(n, 1, Integer::sum));
    entriesByKey.forEach(
        (key, entriesOfKey) -> {
          if (entriesOfKey.size() > 1) {
            keysSharedByEntries++;
            findings.add("key " + key + " was sent for " + entriesOfKey);
          }
        });
  }

  boolean keysMatched() {
    return entriesWithSeveralKeys == 0 && keysSharedByEntries == 0 && deliveriesWithoutKey == 0;
  }

  /** Entries the endpoint saw for one execution (to compare with its TaskStateEntered events). */
  int entriesOf(String executionId) {
    return entriesPerExecution.getOrDefault(executionId, 0);
  }
}
