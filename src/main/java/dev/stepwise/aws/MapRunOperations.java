package dev.stepwise.aws;

import dev.stepwise.children.MapRunCounts;
import dev.stepwise.lifecycle.ExecutionView;
import dev.stepwise.lifecycle.Executions;
import dev.stepwise.lifecycle.HistoryEventView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * ListMapRuns, DescribeMapRun and UpdateMapRun. A map run is read from its parent's history and its
 * child executions (see {@link MapRunState}); UpdateMapRun checks its request and the map run, then
 * refuses: a running map run keeps the concurrency and tolerated failures its definition gave it.
 */
@Component
class MapRunOperations implements OperationGroup {
  private final Executions executions;
  private final MapRunCounts counts;
  private final ExecutionViews views;
  private final Arns arns;

  MapRunOperations(Executions executions, MapRunCounts counts, ExecutionViews views, Arns arns) {
    this.executions = executions;
    this.counts = counts;
    this.views = views;
    this.arns = arns;
  }

  record ListMapRunsRequest(String executionArn, Integer maxResults, String nextToken) {}

  record MapRunListItem(
      String executionArn,
      String mapRunArn,
      String stateMachineArn,
      Instant startDate,
      Instant stopDate,
      @com.fasterxml.jackson.annotation.JsonIgnore int run) {}

  record ListMapRunsResponse(List<MapRunListItem> mapRuns, String nextToken) {}

  record MapRunArnRequest(String mapRunArn) {}

  record DescribeMapRunResponse(
      String mapRunArn,
      String executionArn,
      String status,
      Instant startDate,
      Instant stopDate,
      Integer maxConcurrency,
      Double toleratedFailurePercentage,
      Long toleratedFailureCount,
      Map<String, Long> itemCounts,
      Map<String, Long> executionCounts,
      Integer redriveCount) {}

  record UpdateMapRunRequest(
      String mapRunArn,
      Integer maxConcurrency,
      Double toleratedFailurePercentage,
      Long toleratedFailureCount) {}

  @Override
  public List<Operation<?>> operations() {
    return List.of(
        Operation.of("ListMapRuns", ListMapRunsRequest.class, this::list),
        Operation.of("DescribeMapRun", MapRunArnRequest.class, this::describe),
        Operation.of("UpdateMapRun", UpdateMapRunRequest.class, this::update));
  }

  private ListMapRunsResponse list(ListMapRunsRequest request) {
    int size = Checks.pageSize(request.maxResults(), 1000);
    ExecutionView parent = views.find(request.executionArn());
    String after = NextTokens.name(request.nextToken());
    int from = Integer.MIN_VALUE;
    if (after != null) {
      try {
        from = Integer.parseInt(after);
      } catch (NumberFormatException e) {
        throw NextTokens.invalid();
      }
    }
    var items = new ArrayList<MapRunListItem>();
    String next = null;
    for (MapRunState run : states(parent)) {
      if (run.run().run() <= from) continue;
      if (items.size() == size) {
        next = NextTokens.after(Integer.toString(items.getLast().run()));
        break;
      }
      items.add(
          new MapRunListItem(
              views.arn(parent),
              arns.mapRun(parent.stateMachine(), parent.name(), run.run().run()),
              arns.stateMachine(parent.stateMachine()),
              run.startDate(),
              run.stopDate(),
              run.run().run()));
    }
    return new ListMapRunsResponse(items, next);
  }

  private DescribeMapRunResponse describe(MapRunArnRequest request) {
    String mapRunArn = Checks.required("mapRunArn", request.mapRunArn());
    var arn = arns.parseMapRun(mapRunArn);
    ExecutionView parent = parent(arn, mapRunArn);
    MapRunState run =
        states(parent).stream()
            .filter(s -> s.run().run() == arn.run())
            .findFirst()
            .orElseThrow(() -> notFound(mapRunArn));
    var tallies = run.counts();
    return new DescribeMapRunResponse(
        mapRunArn,
        views.arn(parent),
        run.status(),
        run.startDate(),
        run.stopDate(),
        run.maxConcurrency(),
        run.toleratedFailurePercentage() == null ? 0.0 : run.toleratedFailurePercentage(),
        run.toleratedFailureCount() == null ? 0L : run.toleratedFailureCount(),
        tallies,
        tallies,
        0);
  }

  private Object update(UpdateMapRunRequest request) {
    String mapRunArn = Checks.required("mapRunArn", request.mapRunArn());
    if (request.maxConcurrency() != null && request.maxConcurrency() < 0) {
      throw AwsError.constraint("maxConcurrency", request.maxConcurrency(), "Member must be >= 0");
    }
    Double percentage = request.toleratedFailurePercentage();
    if (percentage != null && (percentage < 0 || percentage > 100)) {
      throw AwsError.constraint(
          "toleratedFailurePercentage", percentage, "Member must be between 0 and 100");
    }
    if (request.toleratedFailureCount() != null && request.toleratedFailureCount() < 0) {
      throw AwsError.constraint(
          "toleratedFailureCount", request.toleratedFailureCount(), "Member must be >= 0");
    }
    describe(new MapRunArnRequest(mapRunArn));
    throw AwsError.validation(
        "Changing a map run's concurrency or tolerated failures is not supported by this server:"
            + " the map run keeps the values of its definition");
  }

  private ExecutionView parent(Arns.MapRunArn arn, String mapRunArn) {
    try {
      return executions.describe(arn.stateMachine(), arn.execution());
    } catch (dev.stepwise.lifecycle.ExecutionNotFound e) {
      throw notFound(mapRunArn);
    }
  }

  /** The map runs of an execution, oldest first, each matched with its MapRunStarted event. */
  private List<MapRunState> states(ExecutionView parent) {
    var runs = counts.runs(java.util.UUID.fromString(parent.executionId()));
    var started = startedEvents(parent, runs.size());
    var states = new ArrayList<MapRunState>();
    for (int i = 0; i < runs.size(); i++) {
      HistoryEventView event = i < started.size() ? started.get(i) : null;
      states.add(
          MapRunState.of(
              runs.get(i),
              event == null ? Map.of() : event.details(),
              event == null ? null : event.timestamp(),
              parent.status()));
    }
    return states;
  }

  private List<HistoryEventView> startedEvents(ExecutionView parent, int wanted) {
    var found = new ArrayList<HistoryEventView>();
    String token = null;
    do {
      var page = executions.history(parent.executionId(), token, 1000, false);
      page.items().stream().filter(e -> e.type().equals("MapRunStarted")).forEach(found::add);
      token = page.nextPageToken();
    } while (token != null && found.size() < wanted);
    return found;
  }

  static AwsError notFound(String mapRunArn) {
    return new AwsError(
        AwsError.RESOURCE_NOT_FOUND, "Resource not found: the map run '" + mapRunArn + "'");
  }
}
