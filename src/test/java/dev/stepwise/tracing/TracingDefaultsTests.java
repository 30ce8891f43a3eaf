package dev.stepwise.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TracingDefaultsTests {
  static String excludedWith(Map<String, Object> properties) {
    var env = new StandardEnvironment();
    env.getPropertySources().addLast(new MapPropertySource("given", properties));
    new TracingDefaults().postProcessEnvironment(env, new SpringApplication());
    return env.getProperty(TracingDefaults.EXCLUDE);
  }

  @Test
  void withNothingExportedTheTracerIsLeftOut() {
    assertThat(excludedWith(Map.of())).isEqualTo(TracingDefaults.TRACER);
  }

  @Test
  void whatElseWasExcludedStaysExcluded() {
    assertThat(excludedWith(Map.of(TracingDefaults.EXCLUDE, "a.B")))
        .isEqualTo("a.B," + TracingDefaults.TRACER);
  }

  @Test
  void anOtlpEndpointKeepsTheTracer() {
    assertThat(excludedWith(Map.of(TracingDefaults.OTLP_ENDPOINT, "http://collector:4318")))
        .isNull();
  }

  @Test
  void theTracerCanBeKeptWithoutExport() {
    assertThat(excludedWith(Map.of(TracingDefaults.KEEP, "true"))).isNull();
  }
}
