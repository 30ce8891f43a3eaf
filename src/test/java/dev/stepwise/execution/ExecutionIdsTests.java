package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** New execution ids sort in the order they were made, as PostgreSQL compares uuids (bytewise). */
class ExecutionIdsTests {
  @Test
  void idsAreTimeOrderedVersion7AndDistinct() {
    var ids = new ArrayList<UUID>();
    for (int i = 0; i < 10_000; i++) ids.add(ExecutionIds.next());

    assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    // A uuid's text is its bytes in hex: text order is PostgreSQL's order of the uuid type.
    assertThat(ids).isSortedAccordingTo(Comparator.comparing(UUID::toString));
  }
}
