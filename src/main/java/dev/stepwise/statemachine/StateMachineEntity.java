package dev.stepwise.statemachine;

import dev.stepwise.database.TextColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A state machine's current row: its newest revision number and whether it was deleted. */
@Entity
@Table(name = "state_machine")
class StateMachineEntity {
  @Id private String name;

  @Column(nullable = false)
  private int revision;

  @Convert(converter = TextColumn.Jpa.class)
  private String description;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected StateMachineEntity() {}

  StateMachineEntity(String name, String description, Instant now) {
    this.name = name;
    this.revision = 1;
    this.description = description;
    this.createdAt = now;
    this.updatedAt = now;
  }

  String name() {
    return name;
  }

  int revision() {
    return revision;
  }

  String description() {
    return description;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  boolean deleted() {
    return deletedAt != null;
  }

  /** Moves to a new revision (an update, or a re-creation after a delete). */
  int revise(String newDescription, Instant now) {
    revision++;
    description = newDescription;
    updatedAt = now;
    deletedAt = null;
    return revision;
  }

  void delete(Instant now) {
    deletedAt = now;
    updatedAt = now;
  }
}
