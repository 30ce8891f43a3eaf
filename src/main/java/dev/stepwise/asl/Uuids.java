package dev.stepwise.asl;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Version 4 UUIDs from a given random source, so evaluation stays a function of its inputs. */
public final class Uuids {
  private Uuids() {}

  public static String v4(RandomGenerator random) {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
