package dev.stepwise.security;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code stepwise.security.mode} {@code none} (the default), the service listens on the
 * loopback interface only ({@code server.address=127.0.0.1}), so that an open service on a laptop
 * is not open to the network too. A configured {@code server.address} wins: exposing an
 * unauthenticated service is then a decision someone wrote down.
 */
public class LoopbackWhenOpen implements EnvironmentPostProcessor {
  static final String LOOPBACK = "127.0.0.1";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    String mode = env.getProperty("stepwise.security.mode", "none").trim().replace('_', '-');
    if (!mode.equalsIgnoreCase("none") || env.containsProperty("server.address")) return;
    env.getPropertySources()
        .addLast(
            new MapPropertySource("stepwiseOpenModeLoopback", Map.of("server.address", LOOPBACK)));
  }
}
