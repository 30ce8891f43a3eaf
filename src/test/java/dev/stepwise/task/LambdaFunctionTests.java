package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a {@code lambda:invoke} Task's FunctionName becomes the ARN routes match. */
class LambdaFunctionTests {
  private static final AwsAccount ACCOUNT = new AwsAccount("eu-west-1", "111122223333");

  private static LambdaFunction parse(String name, String qualifier) {
    return LambdaFunction.parse(name, qualifier, ACCOUNT).orElseThrow();
  }

  @Test
  void aBareNameLivesInTheConfiguredRegionAndAccount() {
    var function = parse("Greet", null);

    assertThat(function.arn()).isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:Greet");
    assertThat(function.qualifier()).isNull();
    assertThat(function.unqualifiedArn()).isEqualTo(function.arn());
    assertThat(function.executedVersion()).isEqualTo("$LATEST");
  }

  @Test
  void aPartialArnKeepsItsAccount() {
    assertThat(parse("444455556666:function:Greet", null).arn())
        .isEqualTo("arn:aws:lambda:eu-west-1:444455556666:function:Greet");
  }

  @Test
  void aFullArnIsTakenAsItIs() {
    assertThat(parse("arn:aws:lambda:us-west-2:444455556666:function:Greet", null).arn())
        .isEqualTo("arn:aws:lambda:us-west-2:444455556666:function:Greet");
    assertThat(parse("arn:aws-cn:lambda:cn-north-1:444455556666:function:Greet", null).arn())
        .isEqualTo("arn:aws-cn:lambda:cn-north-1:444455556666:function:Greet");
  }

  @Test
  void aQualifierIsKeptWhereverItIsWritten() {
    var alias = parse("Greet:prod", null);
    assertThat(alias.arn()).isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:Greet:prod");
    assertThat(alias.qualifier()).isEqualTo("prod");
    assertThat(alias.unqualifiedArn())
        .isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:Greet");
    assertThat(alias.executedVersion())
        .as("an alias's version is not known here")
        .isEqualTo("$LATEST");

    var version = parse("arn:aws:lambda:eu-west-1:111122223333:function:Greet:7", null);
    assertThat(version.qualifier()).isEqualTo("7");
    assertThat(version.executedVersion()).isEqualTo("7");

    assertThat(parse("444455556666:function:Greet:$LATEST", null).arn())
        .isEqualTo("arn:aws:lambda:eu-west-1:444455556666:function:Greet:$LATEST");
  }

  @Test
  void theQualifierParameterQualifiesAnUnqualifiedName() {
    assertThat(parse("Greet", "prod").arn())
        .isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:Greet:prod");
    assertThat(parse("Greet:prod", "prod").arn())
        .isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:Greet:prod");
    assertThat(LambdaFunction.parse("Greet:prod", "dev", ACCOUNT))
        .as("a Qualifier contradicting the name's")
        .isEmpty();
  }

  @Test
  void otherTextNamesNoFunction() {
    for (String text :
        new String[] {
          "", "a b", "arn:aws:lambda:eu-west-1:111122223333:layer:Greet", "x:y:z", "Greet:"
        }) {
      assertThat(LambdaFunction.parse(text, null, ACCOUNT)).as(text).isEmpty();
    }
    assertThat(LambdaFunction.parse(null, null, ACCOUNT)).isEmpty();
  }
}
