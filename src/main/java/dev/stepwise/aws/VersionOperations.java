package dev.stepwise.aws;

import static dev.stepwise.aws.VersionShapes.*;

import dev.stepwise.statemachine.StateMachineConflict;
import dev.stepwise.statemachine.StateMachineNotFound;
import dev.stepwise.statemachine.StateMachineVersions;
import dev.stepwise.statemachine.VersionView;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * PublishStateMachineVersion, ListStateMachineVersions and DeleteStateMachineVersion. A version's
 * ARN is its state machine's with the version number after a ':'; AWS's revision ids are Stepwise's
 * revision numbers, and {@code INITIAL} is the first revision (one never updated).
 */
@Component
class VersionOperations implements OperationGroup {
  static final String INITIAL_REVISION = "INITIAL";

  private final StateMachineVersions versions;
  private final Arns arns;

  VersionOperations(StateMachineVersions versions, Arns arns) {
    this.versions = versions;
    this.arns = arns;
  }

  @Override
  public List<Operation<?>> operations() {
    return List.of(
        Operation.of(
            "PublishStateMachineVersion", PublishStateMachineVersionRequest.class, this::publish),
        Operation.of("ListStateMachineVersions", ListStateMachineVersionsRequest.class, this::list),
        Operation.of(
            "DeleteStateMachineVersion", DeleteStateMachineVersionRequest.class, this::delete));
  }

  /**
   * Publishes the current revision, or answers the version that already holds it (AWS's
   * idempotency). With {@code revisionId}, only while that is still the current revision.
   */
  private PublishStateMachineVersionResponse publish(PublishStateMachineVersionRequest request) {
    String name = unqualified(request.stateMachineArn());
    Checks.length("description", request.description(), 0, 256);
    VersionView version;
    try {
      version =
          versions
              .publish(name, expectedRevision(request.revisionId()), request.description())
              .version();
    } catch (StateMachineConflict e) {
      throw new AwsError(
          AwsError.CONFLICT,
          "Failed to publish the State Machine version for revision "
              + request.revisionId()
              + ": "
              + e.getMessage());
    }
    return new PublishStateMachineVersionResponse(
        version.createdAt(), arns.version(name, version.version()));
  }

  /** Newest first; the page token is the number of the last version of the page before. */
  private ListStateMachineVersionsResponse list(ListStateMachineVersionsRequest request) {
    String name = unqualified(request.stateMachineArn());
    int size = Checks.pageSize(request.maxResults(), 1000);
    var page = versions.list(name, before(request.nextToken()), size + 1);
    String next = null;
    if (page.size() > size) {
      page = page.subList(0, size);
      next = NextTokens.after(Integer.toString(page.getLast().version()));
    }
    return new ListStateMachineVersionsResponse(
        page.stream()
            .map(
                v ->
                    new StateMachineVersionListItem(arns.version(name, v.version()), v.createdAt()))
            .toList(),
        next);
  }

  /**
   * Deletes a version; one that is not there (or whose state machine is not) is no error, as on
   * AWS. A version an alias routes to is a {@code ConflictException}.
   */
  private Empty delete(DeleteStateMachineVersionRequest request) {
    String given = Checks.required("stateMachineVersionArn", request.stateMachineVersionArn());
    var arn = arns.parseStateMachine(given);
    try {
      versions.delete(arn.name(), Qualifiers.version(arn, given));
    } catch (StateMachineNotFound e) {
      // Already gone.
    }
    return new Empty();
  }

  private String unqualified(String stateMachineArn) {
    Checks.required("stateMachineArn", stateMachineArn);
    return Qualifiers.unqualified(arns.parseStateMachine(stateMachineArn), stateMachineArn);
  }

  /**
   * The revision a revision id names: {@code INITIAL} the first, a number that revision; any other
   * id names no revision there is (-1, which never matches, so the publish is a conflict).
   */
  static Integer expectedRevision(String revisionId) {
    if (revisionId == null) return null;
    if (revisionId.equals(INITIAL_REVISION)) return 1;
    if (revisionId.matches("[1-9][0-9]{0,8}")) return Integer.parseInt(revisionId);
    return -1;
  }

  private static Integer before(String nextToken) {
    String last = NextTokens.name(nextToken);
    if (last == null) return null;
    try {
      return Integer.valueOf(last);
    } catch (NumberFormatException e) {
      throw NextTokens.invalid();
    }
  }
}
