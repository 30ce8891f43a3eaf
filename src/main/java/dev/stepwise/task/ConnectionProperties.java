package dev.stepwise.task;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The connections an {@code http:invoke} Task may name in {@code Authentication.ConnectionArn}
 * ({@code stepwise.tasks.connections}), so that credentials live in configuration (the environment,
 * a Kubernetes Secret) and never in definitions or history.
 */
@ConfigurationProperties("stepwise.tasks")
public record ConnectionProperties(List<Connection> connections) {
  public ConnectionProperties {
    connections = connections == null ? List.of() : List.copyOf(connections);
  }

  /**
   * One connection; which fields it needs depends on its {@code type}.
   *
   * @param name what the ARN's {@code connection/<name>/<id>} names
   * @param type {@code basic} ({@code username}, {@code password}), {@code api-key} ({@code
   *     header}, {@code value}) or {@code oauth-client-credentials} ({@code token-url}, {@code
   *     client-id}, {@code client-secret}, optional {@code scope})
   */
  public record Connection(
      String name,
      String type,
      String username,
      String password,
      String header,
      String value,
      String tokenUrl,
      String clientId,
      String clientSecret,
      String scope) {

    @Override
    public String toString() {
      // Never the secrets: a configuration error may print this.
      return "Connection[name=" + name + ", type=" + type + "]";
    }
  }
}
