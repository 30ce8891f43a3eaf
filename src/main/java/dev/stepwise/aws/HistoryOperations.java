package dev.stepwise.aws;

import dev.stepwise.children.MapRunCounts;
import dev.stepwise.lifecycle.Executions;
import dev.stepwise.lifecycle.Executions.ExecutionView;
import dev.stepwise.lifecycle.Executions.HistoryEventView;
import dev.stepwise.task.AwsProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** GetExecutionHistory: the core's history a page at a time, each event in AWS's shape. */
@Component
class HistoryOperations implements OperationGroup {
  private final Executions executions;
  private final MapRunCounts mapRuns;
  private final WireStateMachines stateMachines;
  private final ExecutionViews views;
  private final AwsProperties properties;

  HistoryOperations(
      Executions executions,
      MapRunCounts mapRuns,
      WireStateMachines stateMachines,
      ExecutionViews views,
      AwsProperties properties) {
    this.executions = executions;
    this.mapRuns = mapRuns;
    this.stateMachines = stateMachines;
    this.views = views;
    this.properties = properties;
  }

  record GetExecutionHistoryRequest(
      String executionArn,
      Integer maxResults,
      Boolean reverseOrder,
      String nextToken,
      Boolean includeExecutionData) {}

  record GetExecutionHistoryResponse(List<Map<String, Object>> events, String nextToken) {}

  @Override
  public List<Operation<?>> operations() {
    return List.of(
        Operation.of("GetExecutionHistory", GetExecutionHistoryRequest.class, this::history));
  }

  private GetExecutionHistoryResponse history(GetExecutionHistoryRequest request) {
    int size = Checks.pageSize(request.maxResults(), 1000);
    Checks.length("nextToken", request.nextToken(), 1, 1024);
    ExecutionView execution = views.find(request.executionArn());
    boolean reverse = Boolean.TRUE.equals(request.reverseOrder());
    var page = executions.history(execution.executionId(), request.nextToken(), size, reverse);
    var context =
        new HistoryEvents.Context(
            stateMachines.attributes(execution.stateMachine()).roleArn(),
            properties.region(),
            !Boolean.FALSE.equals(request.includeExecutionData()),
            new MapRunNames(execution));
    return new GetExecutionHistoryResponse(
        page.items().stream().map(e -> HistoryEvents.translate(e, context)).toList(),
        page.nextPageToken());
  }

  /**
   * Names the map run of a MapRunStarted event: the n-th such event of the execution started its
   * n-th map run. Looked up once per page that has one.
   */
  private final class MapRunNames implements HistoryEvents.MapRunNamer {
    private final ExecutionView execution;
    private List<Long> startedEventIds;
    private List<MapRunCounts.Run> runs;

    MapRunNames(ExecutionView execution) {
      this.execution = execution;
    }

    @Override
    public String arn(HistoryEventView event) {
      if (startedEventIds == null) {
        startedEventIds = startedEventIds();
        runs = mapRuns.runs(java.util.UUID.fromString(execution.executionId()));
      }
      int index = startedEventIds.indexOf(event.id());
      if (index < 0 || index >= runs.size()) return null;
      return views.arns().mapRun(execution.stateMachine(), execution.name(), runs.get(index).run());
    }

    private List<Long> startedEventIds() {
      var ids = new ArrayList<Long>();
      String token = null;
      do {
        var page = executions.history(execution.executionId(), token, 1000, false);
        page.items().stream()
            .filter(e -> e.type().equals("MapRunStarted"))
            .forEach(e -> ids.add(e.id()));
        token = page.nextPageToken();
      } while (token != null);
      return ids;
    }
  }
}
