package dev.stepwise.task;

import java.net.InetAddress;
import java.util.Optional;

/** An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is one host. */
record Cidr(byte[] network, int prefix) {

  /** The range a rule names, or empty when the text is not an address or range. */
  static Optional<Cidr> parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    Optional<InetAddress> parsed = HostLiterals.address(address);
    if (parsed.isEmpty()) return Optional.empty();
    byte[] bytes = parsed.get().getAddress();
    int prefix;
    try {
      prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (prefix < 0 || prefix > bytes.length * 8) return Optional.empty();
    return Optional.of(new Cidr(bytes, prefix));
  }

  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) return false;
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (bytes[i] != network[i]) return false;
    }
    int rest = prefix % 8;
    if (rest == 0) return true;
    int mask = 0xff << (8 - rest) & 0xff;
    return (bytes[whole] & mask) == (network[whole] & mask);
  }
}
