package dev.stepwise.statemachine;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface StateMachineRepository extends JpaRepository<StateMachineEntity, String> {

  List<StateMachineEntity> findByDeletedAtIsNullAndNameGreaterThanOrderByName(
      String after, Limit limit);
}
