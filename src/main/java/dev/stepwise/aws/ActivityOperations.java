package dev.stepwise.aws;

import dev.stepwise.asl.Json;
import dev.stepwise.aws.Configurations.EncryptionConfiguration;
import dev.stepwise.aws.Configurations.Tag;
import dev.stepwise.callback.ActivityTasks;
import dev.stepwise.callback.ActivityView;
import dev.stepwise.task.AwsProperties;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** CreateActivity, DescribeActivity, DeleteActivity, ListActivities and GetActivityTask. */
@Component
class ActivityOperations implements OperationGroup {
  private final ActivityTasks activities;
  private final AwsResources resources;
  private final Arns arns;
  private final AwsProperties properties;

  ActivityOperations(
      ActivityTasks activities, AwsResources resources, Arns arns, AwsProperties properties) {
    this.activities = activities;
    this.resources = resources;
    this.arns = arns;
    this.properties = properties;
  }

  record CreateActivityRequest(
      String name, List<Tag> tags, EncryptionConfiguration encryptionConfiguration) {}

  record ActivityArnRequest(String activityArn) {}

  record CreateActivityResponse(String activityArn, Instant creationDate) {}

  record DescribeActivityResponse(
      String activityArn,
      String name,
      Instant creationDate,
      EncryptionConfiguration encryptionConfiguration) {}

  record ListActivitiesRequest(Integer maxResults, String nextToken) {}

  record ActivityListItem(String activityArn, String name, Instant creationDate) {}

  record ListActivitiesResponse(List<ActivityListItem> activities, String nextToken) {}

  record GetActivityTaskRequest(String activityArn, String workerName) {}

  record GetActivityTaskResponse(String taskToken, String input) {}

  /** The attributes kept for an activity. */
  record ActivityAttributes(EncryptionConfiguration encryptionConfiguration) {}

  @Override
  public List<Operation<?>> operations() {
    return List.of(
        Operation.of("CreateActivity", CreateActivityRequest.class, this::create),
        Operation.of("DescribeActivity", ActivityArnRequest.class, this::describe),
        Operation.of("DeleteActivity", ActivityArnRequest.class, this::delete),
        Operation.of("ListActivities", ListActivitiesRequest.class, this::list),
        Operation.of("GetActivityTask", GetActivityTaskRequest.class, this::task));
  }

  /** As on AWS, creating an existing activity again returns it (its tags stay as they were). */
  private CreateActivityResponse create(CreateActivityRequest request) {
    String name = Checks.name("name", request.name());
    if (request.encryptionConfiguration() != null) request.encryptionConfiguration().check();
    var tags = Tags.checked(request.tags(), arns.activity(name));
    var registered = activities.register(name);
    if (registered.created()) {
      resources.putAttributes(
          AwsResources.ACTIVITY,
          name,
          WireJson.text(new ActivityAttributes(request.encryptionConfiguration())));
      resources.putTags(AwsResources.ACTIVITY, name, Tags.json(tags));
    }
    return new CreateActivityResponse(arns.activity(name), registered.activity().createdAt());
  }

  private DescribeActivityResponse describe(ActivityArnRequest request) {
    String name = name(request.activityArn());
    ActivityView activity = activities.describe(name);
    var encryption =
        resources
            .find(AwsResources.ACTIVITY, name)
            .map(row -> WireJson.readStored(row.attributes(), ActivityAttributes.class))
            .map(ActivityAttributes::encryptionConfiguration)
            .orElse(null);
    return new DescribeActivityResponse(
        arns.activity(name),
        name,
        activity.createdAt(),
        encryption == null ? EncryptionConfiguration.AWS_OWNED : encryption);
  }

  private CallbackOperations.Empty delete(ActivityArnRequest request) {
    String name = name(request.activityArn());
    activities.delete(name);
    resources.delete(AwsResources.ACTIVITY, name);
    return new CallbackOperations.Empty();
  }

  private ListActivitiesResponse list(ListActivitiesRequest request) {
    int size = Checks.pageSize(request.maxResults(), 1000);
    var page = activities.list(NextTokens.name(request.nextToken()), size + 1);
    String next = null;
    if (page.size() > size) {
      page = page.subList(0, size);
      next = NextTokens.after(page.getLast().name());
    }
    return new ListActivitiesResponse(
        page.stream()
            .map(a -> new ActivityListItem(arns.activity(a.name()), a.name(), a.createdAt()))
            .toList(),
        next);
  }

  /** Long-polls for a task, up to {@code stepwise.aws.activity-poll-wait} (AWS: 60 s). */
  private GetActivityTaskResponse task(GetActivityTaskRequest request) {
    String name = name(request.activityArn());
    Checks.length("workerName", request.workerName(), 1, 80);
    return activities
        .poll(name, request.workerName(), properties.activityPollWait())
        .map(t -> new GetActivityTaskResponse(t.taskToken(), Json.write(t.input())))
        .orElseGet(() -> new GetActivityTaskResponse(null, null));
  }

  private String name(String activityArn) {
    return arns.parseActivity(Checks.required("activityArn", activityArn));
  }
}
