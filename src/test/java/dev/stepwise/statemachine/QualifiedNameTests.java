package dev.stepwise.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code name}, {@code name:version} and {@code name:alias}, as AWS qualifies ARNs. */
class QualifiedNameTests {
  @Test
  void splitsAtTheFirstColonAndTellsVersionsFromAliases() {
    assertThat(QualifiedName.parse("orders")).isEqualTo(new QualifiedName("orders", null));
    assertThat(QualifiedName.parse("orders").qualified()).isFalse();
    assertThat(QualifiedName.parse("orders:12").namesVersion()).isTrue();
    assertThat(QualifiedName.parse("orders:prod").namesVersion()).isFalse();
    assertThat(QualifiedName.parse("orders:prod")).isEqualTo(new QualifiedName("orders", "prod"));
    assertThat(QualifiedName.parse("orders:").namesVersion()).isFalse();
    assertThat(QualifiedName.parse("orders:a:b").qualifier()).isEqualTo("a:b");
    assertThat(QualifiedName.parse("orders:3")).hasToString("orders:3");
  }
}
