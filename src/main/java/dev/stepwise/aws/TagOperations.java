package dev.stepwise.aws;

import dev.stepwise.aws.Configurations.Tag;
import dev.stepwise.callback.ActivityNotFound;
import dev.stepwise.callback.ActivityTasks;
import dev.stepwise.statemachine.StateMachineNotFound;
import dev.stepwise.statemachine.StateMachines;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** TagResource, UntagResource and ListTagsForResource, on state machines and activities. */
@Component
class TagOperations implements OperationGroup {
  private final StateMachines stateMachines;
  private final ActivityTasks activities;
  private final AwsResources resources;
  private final Arns arns;
  private final TransactionTemplate transactions;

  TagOperations(
      StateMachines stateMachines,
      ActivityTasks activities,
      AwsResources resources,
      Arns arns,
      TransactionTemplate transactions) {
    this.stateMachines = stateMachines;
    this.activities = activities;
    this.resources = resources;
    this.arns = arns;
    this.transactions = transactions;
  }

  record TagResourceRequest(String resourceArn, List<Tag> tags) {}

  record UntagResourceRequest(String resourceArn, List<String> tagKeys) {}

  record ResourceArnRequest(String resourceArn) {}

  record ListTagsResponse(List<Tag> tags) {}

  @Override
  public List<Operation<?>> operations() {
    return List.of(
        Operation.of("TagResource", TagResourceRequest.class, this::tag),
        Operation.of("UntagResource", UntagResourceRequest.class, this::untag),
        Operation.of("ListTagsForResource", ResourceArnRequest.class, this::list));
  }

  private CallbackOperations.Empty tag(TagResourceRequest request) {
    var resource = existing(request.resourceArn());
    var tags = Tags.checked(Checks.required("tags", request.tags()), request.resourceArn());
    transactions.executeWithoutResult(
        status -> {
          var row = resources.lock(resource.type(), resource.name());
          var merged = Tags.merged(Tags.read(row.tags()), tags);
          if (merged.size() > Tags.MAX) throw Tags.tooMany(request.resourceArn());
          resources.putTags(resource.type(), resource.name(), Tags.json(merged));
        });
    return new CallbackOperations.Empty();
  }

  private CallbackOperations.Empty untag(UntagResourceRequest request) {
    var resource = existing(request.resourceArn());
    var keys = Checks.required("tagKeys", request.tagKeys());
    transactions.executeWithoutResult(
        status -> {
          var row = resources.lock(resource.type(), resource.name());
          resources.putTags(
              resource.type(),
              resource.name(),
              Tags.json(Tags.without(Tags.read(row.tags()), keys)));
        });
    return new CallbackOperations.Empty();
  }

  private ListTagsResponse list(ResourceArnRequest request) {
    var resource = existing(request.resourceArn());
    return new ListTagsResponse(
        resources
            .find(resource.type(), resource.name())
            .map(row -> (List<Tag>) Tags.read(row.tags()))
            .orElse(List.of()));
  }

  /** The state machine or activity an ARN names; {@code ResourceNotFound} when there is none. */
  private Arns.ResourceArn existing(String resourceArn) {
    var resource = arns.parseTaggable(Checks.required("resourceArn", resourceArn));
    try {
      if (resource.type().equals(AwsResources.STATE_MACHINE)) stateMachines.get(resource.name());
      else activities.describe(resource.name());
    } catch (StateMachineNotFound | ActivityNotFound e) {
      throw new AwsError(AwsError.RESOURCE_NOT_FOUND, "Resource not found: '" + resourceArn + "'");
    }
    return resource;
  }
}
