package dev.stepwise.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.chaos.RecordingStub.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chaos test's checks find what they look for (the chaos run itself should find nothing). */
class ChaosAuditTests {
  private static final List<Map<String, Object>> CLEAN =
      List.of(
          event(1, "ExecutionStarted", null),
          event(2, "TaskStateEntered", "Work"),
          event(3, "TaskScheduled", null),
          event(4, "TaskStarted", null),
          event(5, "TaskSucceeded", null),
          event(6, "TaskStateExited", "Work"),
          event(7, "ExecutionSucceeded", null));

  @Test
  void aCleanHistoryPasses() {
    var audit = new HistoryAudit(HistoryAudit.signature(CLEAN));
    audit.audit("e1", true, CLEAN);
    assertThat(audit.duplicatedEvents + audit.missingEvents + audit.idProblems).isZero();
    assertThat(audit.findings).isEmpty();
  }

  @Test
  void aStateEnteredTwiceAndAnEndRecordedTwiceAreDuplicates() {
    var history = new ArrayList<>(CLEAN.subList(0, 6));
    history.add(event(7, "TaskStateEntered", "Work"));
    history.add(event(8, "ExecutionSucceeded", null));
    history.add(event(9, "ExecutionSucceeded", null));
    var audit = new HistoryAudit(HistoryAudit.signature(CLEAN));
    audit.audit("e1", true, history);
    assertThat(audit.duplicatedEvents).isEqualTo(2);
    assertThat(audit.idProblems).isZero();
  }

  @Test
  void repeatedOrMissingEventIdsAreFound() {
    var repeated = new ArrayList<>(CLEAN);
    repeated.set(3, event(3, "TaskStarted", null));
    var audit = new HistoryAudit(HistoryAudit.signature(CLEAN));
    audit.audit("e1", true, repeated);
    assertThat(audit.idProblems).isEqualTo(1);
  }

  @Test
  void aSucceededExecutionMissingAnEventIsFound() {
    var audit = new HistoryAudit(HistoryAudit.signature(CLEAN));
    audit.audit("e1", true, CLEAN.subList(0, 6));
    assertThat(audit.missingEvents).isEqualTo(1);
  }

  @Test
  void redeliveriesWithTheSameKeyMatch() {
    var audit =
        new DeliveryAudit(
            List.of(
                new Delivery("e1", "Charge", "1", "e1/9", "e1|Charge|null"),
                new Delivery("e1", "Charge", "1", "e1/9", "e1|Charge|null"),
                new Delivery("e1", "Charge", "2", "e1/9", "e1|Charge|null"),
                new Delivery("e1", "Work", "1", "e1/4", "e1|Work|1")));
    assertThat(audit.keysMatched()).isTrue();
    assertThat(audit.entries).isEqualTo(2);
    assertThat(audit.perEntry).containsEntry(3, 1).containsEntry(1, 1);
    assertThat(audit.perAttempt).containsEntry(2, 1).containsEntry(1, 2);
    assertThat(audit.entriesOf("e1")).isEqualTo(2);
  }

  @Test
  void anEntryWithTwoKeysOrAKeyForTwoEntriesMismatches() {
    var twoKeys =
        new DeliveryAudit(
            List.of(
                new Delivery("e1", "Work", "1", "e1/4", "e1|Work|1"),
                new Delivery("e1", "Work", "1", "e1/5", "e1|Work|1")));
    assertThat(twoKeys.keysMatched()).isFalse();
    assertThat(twoKeys.entriesWithSeveralKeys).isEqualTo(1);

    var sharedKey =
        new DeliveryAudit(
            List.of(
                new Delivery("e1", "Work", "1", "e1/4", "e1|Work|1"),
                new Delivery("e1", "Work", "1", "e1/4", "e1|Work|2")));
    assertThat(sharedKey.keysMatched()).isFalse();
    assertThat(sharedKey.keysSharedByEntries).isEqualTo(1);

    var noKey = new DeliveryAudit(List.of(new Delivery("e1", "Work", "1", null, "e1|Work|1")));
    assertThat(noKey.keysMatched()).isFalse();
  }

  private static Map<String, Object> event(long id, String type, String name) {
    return Map.of(
        "id", id, "type", type, "details", name == null ? Map.of() : Map.of("name", name));
  }
}
