package dev.stepwise.console;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lays out a small graph once the service is up, in the background, so that the first page a person
 * opens does not wait for ELK's classes to load (about a second on a small machine).
 */
@Component
class GraphLayoutWarmUp {
  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    Thread.ofVirtual()
        .name("console-graph-warm-up")
        .start(
            () ->
                GraphLayout.layout(
                    DefinitionGraph.of(
                        Map.of(
                            "StartAt",
                            "A",
                            "States",
                            Map.of(
                                "A",
                                Map.of(
                                    "Type",
                                    "Parallel",
                                    "Branches",
                                    List.of(
                                        Map.of(
                                            "StartAt",
                                            "B",
                                            "States",
                                            Map.of("B", Map.of("Type", "Pass", "End", true)))),
                                    "End",
                                    true))))));
  }
}
