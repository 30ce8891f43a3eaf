package dev.stepwise.retention;

import dev.stepwise.support.StepwiseInstance;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database of its own on the test server, for tests that move time far ahead: a retention run a
 * hundred days from now would drop the partitions the rest of the suite writes to today.
 */
final class FreshDatabase implements AutoCloseable {
  final String name = "retention_" + UUID.randomUUID().toString().replace("-", "");
  final String url;
  final String username;
  final String password;
  private final JdbcClient server;

  /** Creates the database on the server {@code host} (any running instance) uses. */
  FreshDatabase(StepwiseInstance host) {
    server = JdbcClient.create(host.bean(DataSource.class));
    server.sql("create database " + name).update();
    String hostUrl = host.bean(Environment.class).getRequiredProperty("spring.datasource.url");
    url = hostUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    username = host.bean(Environment.class).getProperty("spring.datasource.username", "postgres");
    password = host.bean(Environment.class).getProperty("spring.datasource.password", "");
  }

  /** Properties that point an instance at this database, with no background retention runs. */
  Map<String, Object> properties() {
    return Map.of("spring.datasource.url", url, "stepwise.retention.enabled", false);
  }

  @Override
  public void close() {
    server.sql("drop database if exists " + name + " with (force)").update();
  }
}
