package dev.stepwise.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Marks an embedded data directory as in use by this JVM, with an operating-system file lock held
 * until the JVM exits, on a file beside the directory ({@code data/postgres.lock} for {@code
 * data/postgres}: initdb wants the directory itself empty). The OS drops the lock when the process
 * dies, however it dies (kill -9 included), so a free lock with a running postmaster means that
 * postmaster's service is gone; a held lock means another Stepwise still uses the database and must
 * be left alone.
 */
final class DataDirectoryLock {
  /** Strong references: an unreachable channel is closed by the garbage collector, lock and all. */
  private static final List<FileLock> HELD = new CopyOnWriteArrayList<>();

  private DataDirectoryLock() {}

  /**
   * Takes the lock of {@code data} for the rest of this JVM's life, or throws {@link
   * EmbeddedDatabaseInUseException} at once when another live process holds it.
   */
  static void acquire(Path data) throws IOException {
    Path file = file(data);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this very JVM, through another channel
    }
    if (lock == null) {
      channel.close();
      throw new EmbeddedDatabaseInUseException(data);
    }
    // Never released nor closed: the lock must outlive the embedded PostgreSQL it guards.
    HELD.add(lock);
  }

  static Path file(Path data) {
    return data.resolveSibling(data.getFileName() + ".lock");
  }
}
