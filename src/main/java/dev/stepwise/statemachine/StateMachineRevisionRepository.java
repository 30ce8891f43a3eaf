package dev.stepwise.statemachine;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StateMachineRevisionRepository
    extends JpaRepository<StateMachineRevisionEntity, StateMachineRevisionEntity.Key> {

  /** A revision's definition text, without loading (and managing) the entity. */
  @Query(
      "select r.definition from StateMachineRevisionEntity r where r.name = ?1 and r.revision = ?2")
  Optional<String> findDefinition(String name, int revision);
}
