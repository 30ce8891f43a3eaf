package dev.stepwise.statemachine;

import dev.stepwise.database.TextColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One immutable revision of a definition; executions run the revision they started on. */
@Entity
@Table(name = "state_machine_revision")
@IdClass(StateMachineRevisionEntity.Key.class)
class StateMachineRevisionEntity {
  @Id private String name;
  @Id private int revision;

  @Column(nullable = false)
  private String definition;

  @Convert(converter = TextColumn.Jpa.class)
  private String description;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected StateMachineRevisionEntity() {}

  StateMachineRevisionEntity(
      String name, int revision, String definition, String description, Instant createdAt) {
    this.name = name;
    this.revision = revision;
    this.definition = definition;
    this.description = description;
    this.createdAt = createdAt;
  }

  String name() {
    return name;
  }

  int revision() {
    return revision;
  }

  String definition() {
    return definition;
  }

  String description() {
    return description;
  }

  Instant createdAt() {
    return createdAt;
  }

  record Key(String name, int revision) implements Serializable {
    Key() {
      this(null, 0);
    }
  }
}
