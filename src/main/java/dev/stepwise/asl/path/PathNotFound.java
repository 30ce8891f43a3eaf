package dev.stepwise.asl.path;

/**
 * A definite path that selects nothing in the data it reads. The message is Jayway's own (AWS
 * quotes it in its error causes, and so do we), but the type is ours: the library stays an
 * implementation detail of this package.
 */
public final class PathNotFound extends RuntimeException {
  PathNotFound(String message, Throwable cause) {
    super(message, cause);
  }
}
