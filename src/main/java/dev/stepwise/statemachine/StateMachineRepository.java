package dev.stepwise.statemachine;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StateMachineRepository extends JpaRepository<StateMachineEntity, String> {

  List<StateMachineEntity> findByDeletedAtIsNullAndNameGreaterThanOrderByName(
      String after, Limit limit);

  /** The current revision of a live state machine, without loading (and managing) the entity. */
  @Query("select m.revision from StateMachineEntity m where m.name = ?1 and m.deletedAt is null")
  Optional<Integer> findLiveRevision(String name);
}
