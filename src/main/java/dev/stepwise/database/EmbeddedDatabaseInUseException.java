package dev.stepwise.database;

import java.nio.file.Path;

/** Another running Stepwise uses the embedded data directory this one was given. */
public class EmbeddedDatabaseInUseException extends IllegalStateException {
  private final transient Path dataDirectory;

  EmbeddedDatabaseInUseException(Path dataDirectory) {
    super(
        "Another Stepwise is running with the embedded PostgreSQL in "
            + dataDirectory
            + "; this one did not start and left that database untouched");
    this.dataDirectory = dataDirectory;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }
}
