package dev.stepwise.asl.parse;

import static dev.stepwise.asl.parse.AslParserSupport.single;
import static dev.stepwise.asl.parse.AslParserSupport.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.model.ChoiceState;
import dev.stepwise.asl.model.FailState;
import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.model.ParallelState;
import dev.stepwise.asl.model.PassState;
import dev.stepwise.asl.model.Retrier;
import dev.stepwise.asl.model.SucceedState;
import dev.stepwise.asl.model.TaskState;
import dev.stepwise.asl.model.WaitState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser accepts every state type and every form of a field, and applies the defaults. */
class AslParserValidDefinitionTests {
  @Test
  void parsesEveryStateType() {
    var machine =
        valid(
            """
            {
              'Comment': 'all types', 'Version': '1.0', 'TimeoutSeconds': 30,
              'StartAt': 'P',
              'States': {
                'P': {'Type': 'Pass', 'Result': {'a': 1}, 'ResultPath': '$.r', 'Next': 'T'},
                'T': {'Type': 'Task', 'Resource': 'http://localhost/x', 'TimeoutSeconds': 5,
                      'HeartbeatSeconds': 2, 'Parameters': {'x.$': '$.r'},
                      'ResultSelector': {'y.$': '$.z'}, 'ResultPath': '$.t',
                      'Retry': [{'ErrorEquals': ['E'], 'IntervalSeconds': 2, 'MaxAttempts': 4,
                                 'BackoffRate': 1.5, 'MaxDelaySeconds': 10, 'JitterStrategy': 'FULL'},
                                {'ErrorEquals': ['States.ALL']}],
                      'Catch': [{'ErrorEquals': ['States.ALL'], 'ResultPath': '$.err', 'Next': 'F'}],
                      'Next': 'C'},
                'C': {'Type': 'Choice',
                      'Choices': [{'Variable': '$.a', 'NumericEquals': 1, 'Next': 'W'}],
                      'Default': 'S'},
                'W': {'Type': 'Wait', 'Seconds': 1, 'Next': 'Par'},
                'Par': {'Type': 'Parallel', 'Next': 'M',
                        'Branches': [{'StartAt': 'B1', 'States': {'B1': {'Type': 'Pass', 'End': true}}},
                                     {'StartAt': 'B2', 'States': {'B2': {'Type': 'Pass', 'End': true}}}]},
                'M': {'Type': 'Map', 'ItemsPath': '$.items', 'MaxConcurrency': 3,
                      'ItemSelector': {'i.$': '$$.Map.Item.Index'}, 'Next': 'L',
                      'ItemProcessor': {'ProcessorConfig': {'Mode': 'INLINE'}, 'StartAt': 'I',
                                        'States': {'I': {'Type': 'Succeed'}}}},
                'L': {'Type': 'Map', 'Iterator': {'StartAt': 'J', 'States': {'J': {'Type': 'Pass', 'End': true}}},
                      'Next': 'S'},
                'S': {'Type': 'Succeed'},
                'F': {'Type': 'Fail', 'Error': 'Oops', 'Cause': 'because'}
              }
            }
            """);

    assertThat(machine.startAt()).isEqualTo("P");
    assertThat(machine.timeoutSeconds()).isEqualTo(30);
    assertThat(machine.state("P")).isInstanceOf(PassState.class);
    assertThat(machine.state("C")).isInstanceOf(ChoiceState.class);
    assertThat(machine.state("W")).isInstanceOf(WaitState.class);
    assertThat(machine.state("S")).isInstanceOf(SucceedState.class);
    assertThat(machine.state("F")).isInstanceOf(FailState.class);
    assertThat(((ParallelState) machine.state("Par")).branches()).hasSize(2);

    var task = (TaskState) machine.state("T");
    assertThat(task.timeoutSeconds()).isEqualTo(5);
    assertThat(task.heartbeatSeconds()).isEqualTo(2);
    assertThat(task.transition().next()).isEqualTo("C");
    assertThat(task.errors().retriers().getFirst())
        .isEqualTo(new Retrier(List.of("E"), 2, 4, 1.5, 10, Retrier.JitterStrategy.FULL));
    assertThat(task.errors().catchers().getFirst().next()).isEqualTo("F");

    var map = (MapState) machine.state("M");
    assertThat(map.itemsPath()).isEqualTo("$.items");
    assertThat(map.maxConcurrency()).isEqualTo(3);
    assertThat(map.itemProcessor().startAt()).isEqualTo("I");
    assertThat(((MapState) machine.state("L")).itemProcessor().startAt()).isEqualTo("J");
    assertThat(((WaitState) machine.state("W")).seconds()).isEqualTo(1L);
  }

  @Test
  void appliesTheRetrierDefaults() {
    var machine =
        valid(
            single(
                "T",
                "{'Type': 'Task', 'Resource': 'r', 'End': true, 'Retry': [{'ErrorEquals': ['E']}]}"));

    assertThat(((TaskState) machine.state("T")).errors().retriers())
        .containsExactly(new Retrier(List.of("E"), 1, 3, 2.0, null, Retrier.JitterStrategy.NONE));
  }

  @Test
  void readsAStateWithNeitherNextNorEndAsAnEnd() {
    var machine = valid(single("A", "{'Type': 'Pass'}"));

    assertThat(((PassState) machine.state("A")).transition().isEnd()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'Type': 'Wait', 'Seconds': 0, 'End': true}",
        "{'Type': 'Wait', 'Timestamp': '2030-01-01T00:00:00Z', 'End': true}",
        "{'Type': 'Wait', 'SecondsPath': '$.s', 'End': true}",
        "{'Type': 'Wait', 'TimestampPath': '$.t', 'End': true}",
        "{'Type': 'Fail', 'ErrorPath': '$.e', 'CausePath': '$.c'}",
        "{'Type': 'Pass', 'InputPath': null, 'OutputPath': null, 'ResultPath': null, 'End': true}",
        "{'Type': 'Pass', 'ResultPath': '$.a[0].c', 'End': true}",
        "{'Type': 'Pass', 'InputPath': '$.items[?(@.price > 10)]', 'End': true}",
      })
  void acceptsEveryFormOfAField(String state) {
    valid(single("A", state));
  }
}
