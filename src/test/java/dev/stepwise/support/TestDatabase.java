package dev.stepwise.support;

import java.util.Map;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where the integration tests' database comes from: by default the embedded PostgreSQL (see
 * application-test.yaml); under the Maven profile {@code testcontainers}, a container of the image
 * named by the system property {@code stepwise.test.postgres.image}, one per test JVM.
 */
final class TestDatabase {
  private static PostgreSQLContainer container;

  private TestDatabase() {}

  /** Extra properties for an application instance, empty when the default applies. */
  static synchronized Map<String, Object> properties() {
    String image = System.getProperty("stepwise.test.postgres.image");
    if (image == null || image.isBlank()) return Map.of();
    if (container == null) {
      container = new PostgreSQLContainer(image);
      container.start();
    }
    return Map.of(
        "spring.datasource.url", container.getJdbcUrl(),
        "spring.datasource.username", container.getUsername(),
        "spring.datasource.password", container.getPassword());
  }
}
