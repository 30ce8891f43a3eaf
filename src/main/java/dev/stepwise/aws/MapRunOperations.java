package dev.stepwise.aws;

import dev.stepwise.children.MapRunCounts;
import dev.stepwise.children.MapRunSettings;
import dev.stepwise.children.MapRunUpdates;
import dev.stepwise.lifecycle.Executions;
import dev.stepwise.lifecycle.Executions.ExecutionView;
import dev.stepwise.lifecycle.Executions.HistoryEventView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * ListMapRuns, DescribeMapRun and UpdateMapRun. A map run is read from its parent's history, its
 * child executions and the settings UpdateMapRun gave it (see {@link MapRunState}); UpdateMapRun
 * changes a running map run's concurrency and tolerated failures through {@link MapRunUpdates}.
 */
@Component
class MapRunOperations implements OperationGroup {
  private final Executions executions;
  private final MapRunCounts counts;
  private final MapRunSettings settings;
  private final MapRunUpdates updates;
  private final ExecutionViews views;
  private final Arns arns;

  MapRunOperations(
      Executions executions,
      MapRunCounts counts,
      MapRunSettings settings,
      MapRunUpdates updates,
      ExecutionViews views,
      Arns arns) {
    this.executions = executions;
    this.counts = counts;
    this.settings = settings;
    this.updates = updates;
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

  record Empty() {}

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
    MapRunState run = state(parent, arn.run(), mapRunArn);
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

  /**
   * Changes a running map run's settings; those left out stay. A map run that has ended is refused
   * as AWS refuses it (reason {@code CANNOT_UPDATE_COMPLETED_MAP_RUN}).
   */
  private Empty update(UpdateMapRunRequest request) {
    String mapRunArn = Checks.required("mapRunArn", request.mapRunArn());
    if (request.maxConcurrency() != null && request.maxConcurrency() < 0) {
      throw AwsError.constraint("maxConcurrency", request.maxConcurrency(), "Member must be >= 0");
    }
    Double percentage = request.toleratedFailurePercentage();
    if (percentage != null && (percentage.isNaN() || percentage < 0 || percentage > 100)) {
      throw AwsError.constraint(
          "toleratedFailurePercentage", percentage, "Member must be between 0 and 100");
    }
    if (request.toleratedFailureCount() != null && request.toleratedFailureCount() < 0) {
      throw AwsError.constraint(
          "toleratedFailureCount", request.toleratedFailureCount(), "Member must be >= 0");
    }
    var arn = arns.parseMapRun(mapRunArn);
    ExecutionView parent = parent(arn, mapRunArn);
    if (!state(parent, arn.run(), mapRunArn).status().equals("RUNNING")) {
      throw completed(mapRunArn);
    }
    boolean updated;
    try {
      updated =
          updates.update(
              UUID.fromString(parent.executionId()),
              arn.run(),
              request.maxConcurrency(),
              request.toleratedFailureCount(),
              percentage);
    } catch (PessimisticLockingFailureException e) {
      throw new AwsError(
          "ThrottlingException",
          "The execution of map run '" + mapRunArn + "' is busy; try updating it again");
    }
    if (!updated) throw completed(mapRunArn);
    return new Empty();
  }

  private MapRunState state(ExecutionView parent, int run, String mapRunArn) {
    return states(parent).stream()
        .filter(s -> s.run().run() == run)
        .findFirst()
        .orElseThrow(() -> notFound(mapRunArn));
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
    UUID id = UUID.fromString(parent.executionId());
    var runs = counts.runs(id);
    var updated = runs.isEmpty() ? Map.<Integer, MapRunSettings.Setting>of() : settings.of(id);
    var started = startedEvents(parent, runs.size());
    var states = new ArrayList<MapRunState>();
    for (int i = 0; i < runs.size(); i++) {
      HistoryEventView event = i < started.size() ? started.get(i) : null;
      states.add(
          MapRunState.of(
              runs.get(i),
              event == null ? Map.of() : event.details(),
              event == null ? null : event.timestamp(),
              parent.status(),
              updated.get(runs.get(i).run())));
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

  private static AwsError completed(String mapRunArn) {
    return AwsError.validation(
        AwsError.CANNOT_UPDATE_COMPLETED_MAP_RUN,
        "The map run '" + mapRunArn + "' has ended: only a running map run can be updated");
  }

  static AwsError notFound(String mapRunArn) {
    return new AwsError(
        AwsError.RESOURCE_NOT_FOUND, "Resource not found: the map run '" + mapRunArn + "'");
  }
}
