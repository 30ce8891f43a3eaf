package dev.stepwise.retention;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A state machine's retention: how long its closed executions are kept (native API only; the AWS
 * wire API has no such field, so state machines created there keep the default until set here).
 */
@RestController
@RequestMapping("/v1/state-machines/{name}/retention")
class RetentionController {
  private final RetentionSettings settings;
  private final RetentionProperties properties;

  RetentionController(RetentionSettings settings, RetentionProperties properties) {
    this.settings = settings;
    this.properties = properties;
  }

  /**
   * @param retentionDays the state machine's own period in days, null when it keeps the default
   * @param effectiveRetention the period that applies, ISO-8601 ({@code P30D}, {@code PT2160H})
   */
  record Retention(String stateMachine, Integer retentionDays, String effectiveRetention) {}

  record Change(Integer retentionDays) {}

  @GetMapping
  Retention get(@PathVariable String name) {
    return view(name, settings.days(name).orElse(null));
  }

  @PutMapping
  Retention put(@PathVariable String name, @RequestBody Change change) {
    settings.set(name, change.retentionDays());
    return view(name, change.retentionDays());
  }

  private Retention view(String name, Integer days) {
    String effective = days == null ? properties.period().toString() : "P" + days + "D";
    return new Retention(name, days, effective);
  }
}
