package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stepwise.asl.Json;
import dev.stepwise.support.StepwiseInstance;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI pointed at Stepwise with {@code --endpoint-url}, as the README shows it. Skipped when
 * no {@code aws} command is installed (Debian's package is {@code awscli}).
 */
class AwsCliIntegrationTests {
  static StepwiseInstance stepwise;
  static File workDir;

  @BeforeAll
  static void start() throws IOException {
    Assumptions.assumeTrue(
        cliInstalled(),
        "The AWS CLI ('aws') is not installed: skipping the CLI checks (apt-get install awscli)");
    // GetActivityTask answers within the CLI's read timeout when no task is there yet.
    stepwise = StepwiseInstance.start(Map.of("stepwise.aws.activity-poll-wait", "5s"));
    workDir = java.nio.file.Files.createTempDirectory("stepwise-cli").toFile();
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
  }

  @Test
  void createsStartsAndFollowsAnExecution() throws IOException {
    var definition = new File(workDir, "definition.json");
    java.nio.file.Files.writeString(
        definition.toPath(),
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":\"hi\",\"End\":true}}}");
    var created =
        aws(
            "create-state-machine",
            "--name",
            "cli-hello",
            "--definition",
            "file://" + definition.getAbsolutePath(),
            "--role-arn",
            "arn:aws:iam::123456789012:role/cli");
    String machine = (String) created.get("stateMachineArn");
    assertThat(machine).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:cli-hello");

    var started = aws("start-execution", "--state-machine-arn", machine, "--input", "{\"x\":1}");
    String execution = (String) started.get("executionArn");
    var ended =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> aws("describe-execution", "--execution-arn", execution),
                d -> !"RUNNING".equals(d.get("status")));
    assertThat(ended.get("status")).isEqualTo("SUCCEEDED");
    assertThat(ended.get("output")).isEqualTo("\"hi\"");

    var listed = aws("list-executions", "--state-machine-arn", machine);
    assertThat(listed.get("executions").toString()).contains(execution);
    var history = aws("get-execution-history", "--execution-arn", execution);
    assertThat(history.get("events").toString()).contains("ExecutionSucceeded");

    aws("delete-state-machine", "--state-machine-arn", machine);
    var machines = aws("list-state-machines");
    assertThat(machines.get("stateMachines").toString()).doesNotContain("cli-hello");
  }

  @Test
  @SuppressWarnings("unchecked")
  void publishesAVersionRoutesAnAliasToItAndTestsAState() {
    String machine =
        (String)
            aws(
                    "create-state-machine",
                    "--name",
                    "cli-versioned",
                    "--definition",
                    "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":1,\"End\":true}}}",
                    "--role-arn",
                    "arn:aws:iam::123456789012:role/cli")
                .get("stateMachineArn");
    var published =
        aws(
            "publish-state-machine-version",
            "--state-machine-arn",
            machine,
            "--description",
            "first release");
    String version = (String) published.get("stateMachineVersionArn");
    assertThat(version).isEqualTo(machine + ":1");

    var alias =
        aws(
            "create-state-machine-alias",
            "--name",
            "prod",
            "--routing-configuration",
            "[{\"stateMachineVersionArn\":\"" + version + "\",\"weight\":100}]");
    String aliasArn = (String) alias.get("stateMachineAliasArn");
    assertThat(aliasArn).isEqualTo(machine + ":prod");

    String execution =
        (String) aws("start-execution", "--state-machine-arn", aliasArn).get("executionArn");
    var ended =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> aws("describe-execution", "--execution-arn", execution),
                d -> !"RUNNING".equals(d.get("status")));
    assertThat(ended.get("status")).isEqualTo("SUCCEEDED");
    assertThat(ended.get("stateMachineAliasArn")).isEqualTo(aliasArn);
    assertThat(ended.get("stateMachineVersionArn")).isEqualTo(version);
    var onAlias = aws("list-executions", "--state-machine-arn", aliasArn);
    assertThat(onAlias.get("executions").toString()).contains(execution);

    var tested =
        aws(
            "test-state",
            "--definition",
            "{\"Type\":\"Pass\",\"Parameters\":{\"n.$\":\"$.n\"},\"Next\":\"Done\"}",
            "--input",
            "{\"n\":3}",
            "--inspection-level",
            "DEBUG");
    assertThat(tested.get("status")).isEqualTo("SUCCEEDED");
    assertThat(tested.get("output")).isEqualTo("{\"n\":3}");
    assertThat(tested.get("nextState")).isEqualTo("Done");
    assertThat((Map<String, Object>) tested.get("inspectionData"))
        .containsEntry("afterParameters", "{\"n\":3}");
  }

  @Test
  void stopsRedrivesAndAnswersExecutions() {
    String activity = (String) aws("create-activity", "--name", "cli-work").get("activityArn");
    String machine =
        (String)
            aws(
                    "create-state-machine",
                    "--name",
                    "cli-worked",
                    "--definition",
                    "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Task\",\"Resource\":\""
                        + activity
                        + "\",\"End\":true}}}",
                    "--role-arn",
                    "arn:aws:iam::123456789012:role/cli")
                .get("stateMachineArn");

    String stopped =
        (String)
            aws("start-execution", "--state-machine-arn", machine, "--name", "cli-stopped")
                .get("executionArn");
    var stop =
        aws("stop-execution", "--execution-arn", stopped, "--error", "Halt", "--cause", "by hand");
    assertThat(stop.get("stopDate")).isNotNull();
    var aborted = aws("describe-execution", "--execution-arn", stopped);
    assertThat(aborted.get("status")).isEqualTo("ABORTED");
    assertThat(aborted.get("error")).isEqualTo("Halt");

    aws("redrive-execution", "--execution-arn", stopped);
    var redriven = aws("describe-execution", "--execution-arn", stopped);
    assertThat(redriven.get("status")).isEqualTo("RUNNING");
    assertThat(((Number) redriven.get("redriveCount")).intValue()).isEqualTo(1);

    // The redriven execution waits in its Task again: a worker takes the task and answers it.
    var task =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> aws("get-activity-task", "--activity-arn", activity, "--worker-name", "cli"),
                t -> t.get("taskToken") != null);
    aws(
        "send-task-success",
        "--task-token",
        (String) task.get("taskToken"),
        "--task-output",
        "{\"done\":true}");
    var ended =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> aws("describe-execution", "--execution-arn", stopped),
                d -> !"RUNNING".equals(d.get("status")));
    assertThat(ended.get("status")).isEqualTo("SUCCEEDED");
    assertThat(ended.get("output")).isEqualTo("{\"done\":true}");
    var history = aws("get-execution-history", "--execution-arn", stopped);
    assertThat(history.get("events").toString())
        .contains("ExecutionAborted", "ExecutionRedriven", "ActivitySucceeded");
  }

  /** Runs {@code aws stepfunctions <args>} against the instance; returns its JSON output. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> aws(String... args) {
    var command = new ArrayList<>(List.of("aws", "stepfunctions"));
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint-url", stepwise.api().base(), "--output", "json"));
    try {
      var process = new ProcessBuilder(command).directory(workDir).redirectErrorStream(true);
      var env = process.environment();
      env.put("AWS_ACCESS_KEY_ID", "test");
      env.put("AWS_SECRET_ACCESS_KEY", "test");
      env.put("AWS_DEFAULT_REGION", "us-east-1");
      env.put("AWS_CONFIG_FILE", new File(workDir, "none").getAbsolutePath());
      env.put("AWS_SHARED_CREDENTIALS_FILE", new File(workDir, "none").getAbsolutePath());
      env.put("AWS_PAGER", "");
      // TestState (like StartSyncExecution) goes to sync-<host> unless told not to (README).
      env.put("AWS_DISABLE_HOST_PREFIX_INJECTION", "true");
      Process running = process.start();
      String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!running.waitFor(60, TimeUnit.SECONDS) || running.exitValue() != 0) {
        throw new AssertionError("aws " + String.join(" ", args) + " failed: " + output);
      }
      return output.isBlank() ? Map.of() : (Map<String, Object>) Json.parse(output);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static boolean cliInstalled() {
    try {
      Process version = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
