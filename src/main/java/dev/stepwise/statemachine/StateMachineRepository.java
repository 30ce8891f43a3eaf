package dev.stepwise.statemachine;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface StateMachineRepository extends JpaRepository<StateMachineEntity, String> {

  /** The row, locked for this transaction: it orders changes to versions and aliases too. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select m from StateMachineEntity m where m.name = :name")
  Optional<StateMachineEntity> findLocked(String name);

  List<StateMachineEntity> findByDeletedAtIsNullAndNameGreaterThanOrderByName(
      String after, Limit limit);

  List<StateMachineEntity> findByDeletedAtIsNullAndNameGreaterThanAndNameStartingWithOrderByName(
      String after, String prefix, Limit limit);
}
