package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.task.AwsProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArnsTests {
  final Arns arns =
      new Arns(new AwsProperties("eu-west-2", "111122223333", Duration.ZERO, Duration.ZERO));
  final String prefix = "arn:aws:states:eu-west-2:111122223333:";

  @Test
  void buildsArnsInTheConfiguredRegionAndAccount() {
    assertThat(arns.stateMachine("m")).isEqualTo(prefix + "stateMachine:m");
    assertThat(arns.execution("m", "e")).isEqualTo(prefix + "execution:m:e");
    assertThat(arns.activity("a")).isEqualTo(prefix + "activity:a");
    assertThat(arns.mapRun("m", "e", 4)).isEqualTo(prefix + "mapRun:m/e:4");
    assertThat(arns.version("m", 3)).isEqualTo(prefix + "stateMachine:m:3");
    assertThat(arns.alias("m", "prod")).isEqualTo(prefix + "stateMachine:m:prod");
    assertThat(arns.defaultRole()).isEqualTo("arn:aws:iam::111122223333:role/stepwise");
  }

  @Test
  void parsesStateMachinesWithTheirVersionOrAlias() {
    assertThat(arns.parseStateMachine(prefix + "stateMachine:m"))
        .isEqualTo(new Arns.StateMachineArn("m", null));
    assertThat(arns.parseStateMachine(prefix + "stateMachine:m:7"))
        .isEqualTo(new Arns.StateMachineArn("m", "7"));
    assertThat(arns.parseStateMachine(prefix + "stateMachine:m:prod"))
        .isEqualTo(new Arns.StateMachineArn("m", "prod"));
  }

  @Test
  void parsesExecutionsWhoseNamesHoldColons() {
    // A distributed Map's children are named <parent>:<label>:<run>:<index>.
    assertThat(arns.parseExecution(prefix + "execution:m:p:Each:3:0"))
        .isEqualTo(new Arns.ExecutionArn("m", "p:Each:3:0"));
    assertThat(arns.parseMapRun(prefix + "mapRun:m/p:Each:3:0:12"))
        .isEqualTo(new Arns.MapRunArn("m", "p:Each:3:0", 12));
  }

  @Test
  void refusesAnotherRegionAccountTypeOrShape() {
    assertInvalid("arn:aws:states:us-east-1:111122223333:stateMachine:m");
    assertInvalid("arn:aws:states:eu-west-2:999999999999:stateMachine:m");
    assertInvalid("arn:aws-cn:states:eu-west-2:111122223333:stateMachine:m");
    assertInvalid(prefix + "activity:m");
    assertInvalid(prefix + "stateMachine:bad name");
    assertInvalid(prefix + "stateMachine:");
    assertInvalid("m");
    assertInvalid(null);
    assertThatThrownBy(() -> arns.parseExecution(prefix + "execution:m"))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("InvalidArn"));
    assertThatThrownBy(() -> arns.parseMapRun(prefix + "mapRun:m/e:x"))
        .isInstanceOf(AwsError.class);
    assertThatThrownBy(() -> arns.parseTaggable(prefix + "execution:m:e"))
        .isInstanceOf(AwsError.class);
    assertThat(arns.parseTaggable(prefix + "activity:a"))
        .isEqualTo(new Arns.ResourceArn("activity", "a"));
  }

  private void assertInvalid(String arn) {
    assertThatThrownBy(() -> arns.parseStateMachine(arn))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("InvalidArn"));
  }
}
