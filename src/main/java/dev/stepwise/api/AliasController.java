package dev.stepwise.api;

import dev.stepwise.api.ApiRequests.Paging;
import dev.stepwise.statemachine.AliasView;
import dev.stepwise.statemachine.Route;
import dev.stepwise.statemachine.SaveResult;
import dev.stepwise.statemachine.StateMachineAliases;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Aliases of a state machine: create or update (PUT), list by name, describe, delete. */
@RestController
@RequestMapping("/v1/state-machines/{name}/aliases")
class AliasController {
  private final StateMachineAliases aliases;

  AliasController(StateMachineAliases aliases) {
    this.aliases = aliases;
  }

  record AliasList(List<AliasView> items, String nextPageToken) {}

  /** 201 when the alias is new, 200 when it was updated; an omitted description is kept. */
  @PutMapping("/{alias}")
  ResponseEntity<AliasView> put(
      @PathVariable String name,
      @PathVariable String alias,
      @RequestBody ApiRequests.PutAlias request) {
    var saved = aliases.put(name, alias, request.description(), routes(request.routing()));
    if (saved.result() != SaveResult.CREATED) return ResponseEntity.ok(saved.alias());
    return ResponseEntity.created(URI.create("/v1/state-machines/" + name + "/aliases/" + alias))
        .body(saved.alias());
  }

  @GetMapping
  AliasList list(
      @PathVariable String name,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken) {
    int size = Paging.size(pageSize);
    var views = aliases.list(name, pageToken, size + 1);
    String next = null;
    if (views.size() > size) {
      views = views.subList(0, size);
      next = views.getLast().name();
    }
    return new AliasList(views, next);
  }

  @GetMapping("/{alias}")
  AliasView get(@PathVariable String name, @PathVariable String alias) {
    return aliases.get(name, alias);
  }

  @DeleteMapping("/{alias}")
  ResponseEntity<Void> delete(@PathVariable String name, @PathVariable String alias) {
    aliases.delete(name, alias);
    return ResponseEntity.noContent().build();
  }

  private static List<Route> routes(List<ApiRequests.RouteEntry> routing) {
    if (routing == null) throw new BadRequestException("'routing' is required");
    return routing.stream()
        .map(
            entry -> {
              if (entry == null || entry.version() == null || entry.weight() == null) {
                throw new BadRequestException(
                    "each entry of 'routing' needs a 'version' and a 'weight'");
              }
              return new Route(entry.version(), entry.weight());
            })
        .toList();
  }
}
