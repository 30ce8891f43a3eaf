package dev.stepwise.aws;

import dev.stepwise.statemachine.QualifiedName;
import dev.stepwise.task.AwsProperties;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * AWS's ARNs for the resources of this service, in the configured region and account. Incoming ARNs
 * of another partition, service, region or account are refused ({@code InvalidArn}), never matched
 * by name alone: a client pointed at the wrong place should hear so.
 */
@Component
public class Arns {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final Pattern QUALIFIER = Pattern.compile("[A-Za-z0-9_.-]{1,80}");

  private final String prefix;
  private final String account;

  Arns(AwsProperties properties) {
    this.account = properties.account();
    this.prefix = "arn:aws:states:" + properties.region() + ":" + properties.account() + ":";
  }

  /** A state machine, or one of its versions or aliases when {@code qualifier} is set. */
  public record StateMachineArn(String name, String qualifier) {
    public QualifiedName qualified() {
      return new QualifiedName(name, qualifier);
    }
  }

  public record ExecutionArn(String stateMachine, String name) {}

  /** A map run: the execution that ran the distributed Map, and the run's number in it. */
  public record MapRunArn(String stateMachine, String execution, int run) {}

  /** What a resource ARN names, for the operations that take several kinds (tags). */
  public record ResourceArn(String type, String name) {}

  public String stateMachine(String name) {
    return prefix + "stateMachine:" + name;
  }

  /** A version: the state machine's ARN and the version number, as AWS writes it. */
  public String version(String stateMachine, int version) {
    return stateMachine(stateMachine) + ":" + version;
  }

  public String alias(String stateMachine, String alias) {
    return stateMachine(stateMachine) + ":" + alias;
  }

  public String execution(String stateMachine, String name) {
    return prefix + "execution:" + stateMachine + ":" + name;
  }

  public String activity(String name) {
    return prefix + "activity:" + name;
  }

  public String mapRun(String stateMachine, String execution, int run) {
    return prefix + "mapRun:" + stateMachine + "/" + execution + ":" + run;
  }

  /** The role a state machine created without one (through the native API) reports. */
  public String defaultRole() {
    return "arn:aws:iam::" + account + ":role/stepwise";
  }

  public StateMachineArn parseStateMachine(String arn) {
    String rest = resource(arn, "stateMachine");
    int colon = rest.indexOf(':');
    String name = colon < 0 ? rest : rest.substring(0, colon);
    String qualifier = colon < 0 ? null : rest.substring(colon + 1);
    if (!NAME.matcher(name).matches()
        || (qualifier != null && !QUALIFIER.matcher(qualifier).matches())) {
      throw invalid(arn);
    }
    return new StateMachineArn(name, qualifier);
  }

  public ExecutionArn parseExecution(String arn) {
    String rest = resource(arn, "execution");
    int colon = rest.indexOf(':');
    if (colon < 0) throw invalid(arn);
    String machine = rest.substring(0, colon);
    String name = rest.substring(colon + 1);
    if (!NAME.matcher(machine).matches() || name.isEmpty()) throw invalid(arn);
    return new ExecutionArn(machine, name);
  }

  public String parseActivity(String arn) {
    String name = resource(arn, "activity");
    if (!NAME.matcher(name).matches()) throw invalid(arn);
    return name;
  }

  public MapRunArn parseMapRun(String arn) {
    String rest = resource(arn, "mapRun");
    int slash = rest.indexOf('/');
    int colon = rest.lastIndexOf(':');
    if (slash < 0 || colon < slash + 2) throw invalid(arn);
    String machine = rest.substring(0, slash);
    String execution = rest.substring(slash + 1, colon);
    if (!NAME.matcher(machine).matches()) throw invalid(arn);
    try {
      return new MapRunArn(machine, execution, Integer.parseInt(rest.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw invalid(arn);
    }
  }

  /** A state machine or an activity: the resources that carry tags. */
  public ResourceArn parseTaggable(String arn) {
    String rest = resource(arn, null);
    if (rest.startsWith("stateMachine:")) {
      var machine = parseStateMachine(arn);
      if (machine.qualifier() != null) throw invalid(arn);
      return new ResourceArn("stateMachine", machine.name());
    }
    if (rest.startsWith("activity:")) return new ResourceArn("activity", parseActivity(arn));
    throw new AwsError(
        AwsError.INVALID_ARN,
        "Invalid Arn: 'Resource type not valid in this context: '" + arn + "''");
  }

  /** What follows {@code <type>:} in an ARN of this region and account. */
  private String resource(String arn, String type) {
    if (arn == null || arn.isEmpty()) {
      throw new AwsError(AwsError.INVALID_ARN, "Invalid Arn: 'An ARN is required'");
    }
    if (!arn.startsWith(prefix)) {
      String[] parts = arn.split(":", 6);
      if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("states")) {
        throw new AwsError(
            AwsError.INVALID_ARN,
            "Invalid Arn: '"
                + arn
                + "': this server serves region '"
                + prefix.split(":")[3]
                + "' and account '"
                + account
                + "' only");
      }
      throw invalid(arn);
    }
    String rest = arn.substring(prefix.length());
    if (type == null) return rest;
    if (!rest.startsWith(type + ":")) {
      throw new AwsError(
          AwsError.INVALID_ARN,
          "Invalid Arn: 'Resource type not valid in this context: '" + arn + "''");
    }
    return rest.substring(type.length() + 1);
  }

  private static AwsError invalid(String arn) {
    return new AwsError(AwsError.INVALID_ARN, "Invalid Arn: '" + arn + "'");
  }
}
