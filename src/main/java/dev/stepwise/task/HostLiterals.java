package dev.stepwise.task;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the address a URL's host names when it is an address written out rather than a name, in any
 * of the spellings resolvers accept: {@code 169.254.169.254}, {@code [::ffff:169.254.169.254]}, the
 * single number {@code 2852039166}, and octal or hexadecimal parts ({@code 0xA9FEA9FE}, {@code
 * 0251.0376.0251.0376}) as C's {@code inet_aton} reads them. Never asks DNS.
 */
final class HostLiterals {
  private static final Pattern IPV4_PART = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");

  private HostLiterals() {}

  /** The address the host spells, or empty when it is a name. */
  static Optional<InetAddress> address(String host) {
    if (host == null || host.isEmpty()) return Optional.empty();
    String text =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (text.contains(":")) return ipv6(text);
    return ipv4(text);
  }

  private static Optional<InetAddress> ipv6(String text) {
    // Only hex digits, colons, dots (an embedded IPv4 part) and a zone: getByName reads it
    // without asking DNS.
    if (!text.matches("[0-9a-fA-F:.]+(%[\\w.-]+)?")) return Optional.empty();
    try {
      return Optional.of(normalise(InetAddress.getByName(text)));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static Optional<InetAddress> ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length > 4) return Optional.empty();
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (!IPV4_PART.matcher(parts[i]).matches()) return Optional.empty();
      Long value = number(parts[i].toLowerCase(Locale.ROOT));
      if (value == null) return Optional.empty();
      values[i] = value;
    }
    // inet_aton: a.b.c.d; a.b.c (c is 16 bits); a.b (b is 24 bits); a (32 bits).
    long address = 0;
    for (int i = 0; i < values.length - 1; i++) {
      if (values[i] > 0xff) return Optional.empty();
      address = address << 8 | values[i];
    }
    int lastBits = 8 * (5 - values.length);
    long last = values[values.length - 1];
    if (last >= 1L << lastBits) return Optional.empty();
    address = address << lastBits | last;
    byte[] bytes = {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static Long number(String part) {
    try {
      if (part.startsWith("0x"))
        return part.length() == 2 ? 0L : Long.parseLong(part.substring(2), 16);
      if (part.length() > 1 && part.startsWith("0")) return Long.parseLong(part.substring(1), 8);
      return Long.parseLong(part);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * An IPv6 address that carries an IPv4 one ({@code ::ffff:a.b.c.d}, the deprecated {@code
   * ::a.b.c.d}) is judged as that IPv4 address.
   */
  static InetAddress normalise(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != 16) return address;
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) return address;
    }
    boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    boolean compatible = bytes[10] == 0 && bytes[11] == 0 && (bytes[12] != 0 || bytes[13] != 0);
    if (!mapped && !compatible) return address;
    try {
      return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
