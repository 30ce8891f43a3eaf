package dev.stepwise.api;

import dev.stepwise.api.ApiRequests.Paging;
import dev.stepwise.statemachine.SaveResult;
import dev.stepwise.statemachine.StateMachineVersions;
import dev.stepwise.statemachine.VersionView;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Versions of a state machine: publish, list (newest first), describe, delete. */
@RestController
@RequestMapping("/v1/state-machines/{name}/versions")
class VersionController {
  private final StateMachineVersions versions;

  VersionController(StateMachineVersions versions) {
    this.versions = versions;
  }

  record VersionResponse(
      String stateMachine,
      int version,
      int revision,
      Object definition,
      String description,
      Instant createdAt) {
    static VersionResponse of(VersionView view) {
      return new VersionResponse(
          view.stateMachine(),
          view.version(),
          view.revision(),
          Definitions.asJson(view.definition()),
          view.description(),
          view.createdAt());
    }
  }

  record VersionList(List<VersionResponse> items, String nextPageToken) {}

  /** 201 for a new version; 200 with the version that already holds the current definition. */
  @PostMapping
  ResponseEntity<VersionResponse> publish(
      @PathVariable String name,
      @RequestBody(required = false) ApiRequests.PublishVersion request) {
    var saved =
        versions.publish(
            name,
            request == null ? null : request.revision(),
            request == null ? null : request.description());
    var body = VersionResponse.of(saved.version());
    if (saved.result() == SaveResult.UNCHANGED) return ResponseEntity.ok(body);
    return ResponseEntity.created(
            URI.create("/v1/state-machines/" + name + "/versions/" + body.version()))
        .body(body);
  }

  @GetMapping
  VersionList list(
      @PathVariable String name,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken) {
    int size = Paging.size(pageSize);
    var views = versions.list(name, before(pageToken), size + 1);
    String next = null;
    if (views.size() > size) {
      views = views.subList(0, size);
      next = Integer.toString(views.getLast().version());
    }
    return new VersionList(views.stream().map(VersionResponse::of).toList(), next);
  }

  @GetMapping("/{version}")
  VersionResponse get(@PathVariable String name, @PathVariable int version) {
    return VersionResponse.of(versions.get(name, version));
  }

  @DeleteMapping("/{version}")
  ResponseEntity<Void> delete(@PathVariable String name, @PathVariable int version) {
    versions.delete(name, version);
    return ResponseEntity.noContent().build();
  }

  /** A page token is the number of the last version of the page before. */
  private static Integer before(String pageToken) {
    if (pageToken == null || pageToken.isEmpty()) return null;
    try {
      return Integer.valueOf(pageToken);
    } catch (NumberFormatException e) {
      throw new BadRequestException("Invalid page token");
    }
  }
}
