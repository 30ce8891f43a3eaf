package dev.stepwise.callback;

import dev.stepwise.api.ApiRequests.Names;
import dev.stepwise.api.ApiRequests.Paging;
import dev.stepwise.api.BadRequestException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Activities: workers that pull the tasks of the states naming them (API.md §1, Activities). */
@RestController
@RequestMapping("/v1/activities")
class ActivityController {
  private static final int MAX_WORKER_NAME = 80;

  private final ActivityTasks activities;

  ActivityController(ActivityTasks activities) {
    this.activities = activities;
  }

  record Register(String name) {}

  record ActivityList(List<ActivityView> items, String nextPageToken) {}

  @PostMapping
  ResponseEntity<ActivityView> register(@RequestBody Register request) {
    String name = Names.require(request.name(), "'name'");
    var registered = activities.register(name);
    URI location = URI.create("/v1/activities/" + name);
    return registered.created()
        ? ResponseEntity.created(location).body(registered.activity())
        : ResponseEntity.ok().location(location).body(registered.activity());
  }

  @GetMapping
  ActivityList list(
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken) {
    int size = Paging.size(pageSize);
    var page = activities.list(after(pageToken), size + 1);
    String next = null;
    if (page.size() > size) {
      page = page.subList(0, size);
      next =
          Base64.getUrlEncoder()
              .encodeToString(page.getLast().name().getBytes(StandardCharsets.UTF_8));
    }
    return new ActivityList(page, next);
  }

  @GetMapping("/{name}")
  ActivityView describe(@PathVariable String name) {
    return activities.describe(name);
  }

  /** Long-polls for a task: 200 with it, or 204 when none came within {@code waitSeconds}. */
  @GetMapping("/{name}/task")
  ResponseEntity<ActivityTask> task(
      @PathVariable String name,
      @RequestParam(required = false) String worker,
      @RequestParam(defaultValue = "0") int waitSeconds) {
    if (waitSeconds < 0 || waitSeconds > 60) {
      throw new BadRequestException("waitSeconds must be between 0 and 60");
    }
    if (worker != null && worker.length() > MAX_WORKER_NAME) {
      throw new BadRequestException("worker must be at most " + MAX_WORKER_NAME + " characters");
    }
    return activities
        .poll(name, worker, Duration.ofSeconds(waitSeconds))
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  private static String after(String pageToken) {
    if (pageToken == null) return null;
    try {
      return new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Invalid pageToken");
    }
  }
}
