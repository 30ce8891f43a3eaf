package dev.stepwise.statemachine;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves what a start runs: the current revision of a state machine, the revision a version was
 * published from, or one of an alias's versions, chosen by weight. Plain SQL: it runs inside the
 * runtime's JDBC transaction on every start, so the choice and the execution's first writes commit
 * together.
 */
@Component
public class StartTargets {
  private final JdbcClient jdbc;
  private final StateMachines stateMachines;

  StartTargets(JdbcClient jdbc, StateMachines stateMachines) {
    this.jdbc = jdbc;
    this.stateMachines = stateMachines;
  }

  /**
   * @throws StateMachineNotFound for an unknown or deleted state machine ({@link VersionNotFound}
   *     or {@link AliasNotFound} when it lives but the qualifier names nothing)
   */
  public StartTarget resolve(QualifiedName name) {
    String stateMachine = name.stateMachine();
    if (!name.qualified()) {
      return new StartTarget(stateMachine, stateMachines.currentRevision(stateMachine), null, null);
    }
    return name.namesVersion()
        ? version(stateMachine, name.qualifier())
        : alias(stateMachine, name.qualifier());
  }

  private StartTarget version(String stateMachine, String qualifier) {
    // More digits than an int holds name no version there is.
    Optional<Integer> revision = Optional.empty();
    if (qualifier.length() <= 9) {
      revision =
          jdbc.sql(
                  "select v.revision from state_machine_version v join state_machine m"
                      + " on m.name = v.state_machine and m.deleted_at is null"
                      + " where v.state_machine = ? and v.version = ?")
              .params(stateMachine, Integer.parseInt(qualifier))
              .query(Integer.class)
              .optional();
    }
    if (revision.isEmpty()) {
      stateMachines.currentRevision(stateMachine); // an unknown state machine says so first
      throw new VersionNotFound(stateMachine, qualifier);
    }
    return new StartTarget(stateMachine, revision.get(), Integer.parseInt(qualifier), null);
  }

  private record Choice(Route route, int revision) {}

  private StartTarget alias(String stateMachine, String alias) {
    List<Choice> choices =
        jdbc.sql(
                "select r.version, r.weight, v.revision from state_machine_alias_route r"
                    + " join state_machine_version v"
                    + " on v.state_machine = r.state_machine and v.version = r.version"
                    + " join state_machine m on m.name = r.state_machine and m.deleted_at is null"
                    + " where r.state_machine = ? and r.alias = ? order by r.position")
            .params(stateMachine, alias)
            .query((rs, i) -> new Choice(new Route(rs.getInt(1), rs.getInt(2)), rs.getInt(3)))
            .list();
    if (choices.isEmpty()) {
      stateMachines.currentRevision(stateMachine);
      throw new AliasNotFound(stateMachine, alias);
    }
    int version =
        Routing.choose(
            choices.stream().map(Choice::route).toList(),
            ThreadLocalRandom.current().nextInt(Routing.ROLLS));
    int revision =
        choices.stream()
            .filter(c -> c.route().version() == version)
            .findFirst()
            .orElseThrow()
            .revision();
    return new StartTarget(stateMachine, revision, version, alias);
  }

  /**
   * What a new execution runs: a revision of a state machine, and the version and alias it was
   * started on, if any ({@code version} is set for an alias too: the version the alias chose).
   */
  public record StartTarget(String stateMachine, int revision, Integer version, String alias) {}
}
