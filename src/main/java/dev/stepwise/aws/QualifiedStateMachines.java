package dev.stepwise.aws;

import dev.stepwise.statemachine.StateMachineAliases;
import dev.stepwise.statemachine.StateMachineVersions;
import dev.stepwise.statemachine.StateMachines;
import org.springframework.stereotype.Component;

/**
 * Whether what a state machine ARN names is there: the state machine, or the version or alias its
 * qualifier names ({@code StateMachineNotFound}, {@code VersionNotFound} or {@code AliasNotFound}
 * otherwise).
 */
@Component
class QualifiedStateMachines {
  private final StateMachines stateMachines;
  private final StateMachineVersions versions;
  private final StateMachineAliases aliases;

  QualifiedStateMachines(
      StateMachines stateMachines, StateMachineVersions versions, StateMachineAliases aliases) {
    this.stateMachines = stateMachines;
    this.versions = versions;
    this.aliases = aliases;
  }

  void requireExists(Arns.StateMachineArn arn, String given) {
    if (arn.qualifier() == null) {
      stateMachines.get(arn.name());
    } else if (Qualifiers.namesVersion(arn)) {
      versions.get(arn.name(), Qualifiers.version(arn, given));
    } else {
      aliases.get(arn.name(), arn.qualifier());
    }
  }
}
