package dev.stepwise.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly, without a stack trace, why a second Stepwise on one data directory stops. */
class EmbeddedDatabaseInUseFailureAnalyzer
    extends AbstractFailureAnalyzer<EmbeddedDatabaseInUseException> {

  @Override
  protected FailureAnalysis analyze(Throwable root, EmbeddedDatabaseInUseException cause) {
    return new FailureAnalysis(
        cause.getMessage() + ".",
        "Stop the other Stepwise first, or give this one its own data directory"
            + " (stepwise.embedded-postgres.data-directory) or a database"
            + " (spring.datasource.url).",
        cause);
  }
}
