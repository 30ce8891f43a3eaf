package dev.stepwise.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The database the benchmark runs against: {@code STEPWISE_BENCH_DATABASE_URL} when set, else a
 * fresh embedded PostgreSQL started here with fsync, synchronous commits and full-page writes on
 * (the embedded library turns all three off by default, which no user's database would), so that
 * every figure is a durable one. The benchmark refuses a database that runs with fsync or
 * synchronous commits off unless {@code -Dbench.allowNonDurable=true}.
 */
final class BenchDatabase implements AutoCloseable {
  final String jdbcUrl;
  private final EmbeddedPostgres embedded;

  private BenchDatabase(String jdbcUrl, EmbeddedPostgres embedded) {
    this.jdbcUrl = jdbcUrl;
    this.embedded = embedded;
  }

  static BenchDatabase open() throws IOException {
    String url = System.getenv("STEPWISE_BENCH_DATABASE_URL");
    if (url != null && !url.isBlank()) return new BenchDatabase(url, null);
    var postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Path.of("target", "bench-postgres").toAbsolutePath())
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "200")
            .start();
    return new BenchDatabase(postgres.getJdbcUrl("postgres", "postgres"), postgres);
  }

  /** Where the figures come from, without credentials. */
  String describe() {
    return embedded != null
        ? "embedded PostgreSQL started by the benchmark"
        : jdbcUrl.replaceAll("//[^/@]*@", "//").replaceAll("(?i)password=[^&]*", "password=…");
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) embedded.close();
  }
}
