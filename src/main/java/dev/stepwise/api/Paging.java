package dev.stepwise.api;

/** Page sizes: default 100, at most 1000. */
public final class Paging {
  private Paging() {}

  public static int size(Integer requested) {
    if (requested == null) return 100;
    if (requested < 1 || requested > 1000) {
      throw new BadRequestException("pageSize must be between 1 and 1000");
    }
    return requested;
  }
}
