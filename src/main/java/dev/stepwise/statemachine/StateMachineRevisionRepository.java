package dev.stepwise.statemachine;

import org.springframework.data.jpa.repository.JpaRepository;

interface StateMachineRevisionRepository
    extends JpaRepository<StateMachineRevisionEntity, StateMachineRevisionEntity.Key> {}
