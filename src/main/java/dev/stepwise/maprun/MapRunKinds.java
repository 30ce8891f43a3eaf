package dev.stepwise.maprun;

/** The kinds of work item between a distributed Map's parent execution and its children. */
final class MapRunKinds {
  /** A distributed Map's child execution ended; on the parent, for the token that waits. */
  static final String CHILD_DONE = "CHILD_DONE";

  /** Abort a child execution whose parent stopped or whose map run ended without it. */
  static final String ABORT_CHILD = "ABORT_CHILD";

  private MapRunKinds() {}
}
