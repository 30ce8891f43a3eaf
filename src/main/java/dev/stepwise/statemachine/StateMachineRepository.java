package dev.stepwise.statemachine;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StateMachineRepository extends JpaRepository<StateMachineEntity, String> {
  @Query("select m.revision from StateMachineEntity m where m.name = :name and m.deletedAt is null")
  Optional<Integer> findLiveRevision(String name);

  List<StateMachineEntity> findByDeletedAtIsNullAndNameGreaterThanOrderByName(
      String after, Limit limit);
}
