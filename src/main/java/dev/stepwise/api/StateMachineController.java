package dev.stepwise.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stepwise.api.ApiRequests.Names;
import dev.stepwise.api.ApiRequests.Paging;
import dev.stepwise.asl.Diagnostic;
import dev.stepwise.security.Caller;
import dev.stepwise.statemachine.SaveResult;
import dev.stepwise.statemachine.StateMachineVersions;
import dev.stepwise.statemachine.StateMachineView;
import dev.stepwise.statemachine.StateMachines;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1")
class StateMachineController {
  private final StateMachines stateMachines;
  private final StateMachineVersions versions;

  StateMachineController(StateMachines stateMachines, StateMachineVersions versions) {
    this.stateMachines = stateMachines;
    this.versions = versions;
  }

  /** {@code publishedVersion}: the version a create or update with {@code publish: true} made. */
  record StateMachineResponse(
      String name,
      int revision,
      Object definition,
      String description,
      Instant createdAt,
      Instant updatedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer publishedVersion) {
    static StateMachineResponse of(StateMachineView view) {
      return of(view, null);
    }

    static StateMachineResponse of(StateMachineView view, Integer publishedVersion) {
      return new StateMachineResponse(
          view.name(),
          view.revision(),
          Definitions.asJson(view.definition()),
          view.description(),
          view.createdAt(),
          view.updatedAt(),
          publishedVersion);
    }

    static StateMachineResponse of(StateMachineVersions.Published published) {
      return of(published.stateMachine().stateMachine(), published.version().version().version());
    }
  }

  record ListResponse(List<StateMachineResponse> items, String nextPageToken) {}

  record ValidationResponse(boolean valid, List<Diagnostic> diagnostics) {}

  @PostMapping("/state-machines")
  ResponseEntity<StateMachineResponse> create(@RequestBody ApiRequests.CreateStateMachine request) {
    String name = Names.require(request.name(), "'name'");
    Caller.current().require(name);
    JsonNode definition = Definitions.read(request.definition());
    StateMachines.Saved saved;
    StateMachineResponse body;
    if (publishing(request.publish(), request.versionDescription())) {
      var published =
          versions.createAndPublish(
              name, definition, request.description(), request.versionDescription());
      saved = published.stateMachine();
      body = StateMachineResponse.of(published);
    } else {
      saved = stateMachines.create(name, definition, request.description());
      body = StateMachineResponse.of(saved.stateMachine());
    }
    if (saved.result() == SaveResult.UNCHANGED) return ResponseEntity.ok(body);
    return ResponseEntity.created(URI.create("/v1/state-machines/" + name)).body(body);
  }

  @GetMapping("/state-machines")
  ListResponse list(
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken) {
    int size = Paging.size(pageSize);
    // A caller confined to a prefix sees its own state machines only.
    var views = stateMachines.list(pageToken, size + 1, Caller.current().prefix());
    String next = null;
    if (views.size() > size) {
      views = views.subList(0, size);
      next = views.getLast().name();
    }
    return new ListResponse(views.stream().map(StateMachineResponse::of).toList(), next);
  }

  @GetMapping("/state-machines/{name}")
  StateMachineResponse get(@PathVariable String name) {
    return StateMachineResponse.of(stateMachines.get(name));
  }

  @PutMapping("/state-machines/{name}")
  StateMachineResponse update(
      @PathVariable String name, @RequestBody ApiRequests.UpdateStateMachine request) {
    JsonNode definition = Definitions.read(request.definition());
    if (publishing(request.publish(), request.versionDescription())) {
      return StateMachineResponse.of(
          versions.updateAndPublish(
              name, definition, request.description(), request.versionDescription()));
    }
    return StateMachineResponse.of(
        stateMachines.update(name, definition, request.description()).stateMachine());
  }

  /** Whether to publish a version too; a version description without publishing is refused. */
  private static boolean publishing(Boolean publish, String versionDescription) {
    boolean publishing = Boolean.TRUE.equals(publish);
    if (versionDescription != null && !publishing) {
      throw new BadRequestException("'versionDescription' needs 'publish': true");
    }
    return publishing;
  }

  @GetMapping("/state-machines/{name}/revisions/{revision}")
  StateMachineResponse revision(@PathVariable String name, @PathVariable int revision) {
    return StateMachineResponse.of(stateMachines.revision(name, revision));
  }

  @DeleteMapping("/state-machines/{name}")
  ResponseEntity<Void> delete(@PathVariable String name) {
    stateMachines.delete(name);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/definitions/validate")
  ValidationResponse validate(@RequestBody ApiRequests.Validate request) {
    List<Diagnostic> diagnostics = stateMachines.validate(Definitions.read(request.definition()));
    return new ValidationResponse(diagnostics.isEmpty(), diagnostics);
  }
}
