package dev.stepwise.children;

import dev.stepwise.statemachine.QualifiedName;
import dev.stepwise.task.AwsAccount;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The ARNs of state machines and executions as AWS writes them, in the configured region and
 * account ({@code stepwise.aws.region}, {@code stepwise.aws.account}).
 */
@Component
class ExecutionArns {
  private static final Pattern STATE_MACHINE =
      Pattern.compile("arn:[a-z-]+:states:([a-z0-9-]*):([0-9]*):stateMachine:([^:]+)(?::([^:]+))?");

  private final AwsAccount account;

  ExecutionArns(AwsAccount account) {
    this.account = account;
  }

  String stateMachine(String name) {
    return prefix() + "stateMachine:" + name;
  }

  /** A version's or an alias's ARN: the state machine's, qualified. */
  String stateMachine(String name, Object qualifier) {
    return stateMachine(name) + ":" + qualifier;
  }

  String execution(String stateMachine, String name) {
    return prefix() + "execution:" + stateMachine + ":" + name;
  }

  /**
   * The state machine a {@code StateMachineArn} parameter names: an ARN (optionally qualified with
   * a version or alias) or a plain, optionally qualified, name. Empty for an ARN of another region
   * or account, which names nothing here.
   *
   * @throws IllegalArgumentException when the text is an ARN, but not a state machine's
   */
  Optional<QualifiedName> parse(String text) {
    if (!text.startsWith("arn:")) return Optional.of(QualifiedName.parse(text));
    var matcher = STATE_MACHINE.matcher(text);
    if (!matcher.matches()) throw new IllegalArgumentException("Invalid Arn: '" + text + "'");
    if (!matcher.group(1).equals(account.region()) || !matcher.group(2).equals(account.account())) {
      return Optional.empty();
    }
    return Optional.of(new QualifiedName(matcher.group(3), matcher.group(4)));
  }

  private String prefix() {
    return "arn:aws:states:" + account.region() + ":" + account.account() + ":";
  }
}
