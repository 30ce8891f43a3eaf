package dev.stepwise.task;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which destinations the HTTP calls written in definitions (URL resources, {@code http:invoke}'s
 * {@code ApiEndpoint}) may reach. The first rule that applies decides:
 *
 * <ol>
 *   <li>only {@code http} and {@code https};
 *   <li>never the service itself: its listening ports (server and management) on a loopback,
 *       unspecified or local interface address;
 *   <li>a host name in {@code deny} is denied;
 *   <li>a host name in {@code allow} is allowed, unless its address is one of the always-denied
 *       ones below;
 *   <li>the most specific CIDR of {@code allow} and {@code deny} that holds the address decides (a
 *       tie denies), so an operator can open a link-local range or close a public one;
 *   <li>link-local and cloud metadata addresses ({@code 169.254.0.0/16}, {@code fe80::/10}, {@code
 *       fd00:ec2::254}), unspecified ({@code 0.0.0.0/8}, {@code ::}) and multicast addresses are
 *       denied;
 *   <li>loopback and private addresses are allowed when {@code allow-private} is true;
 *   <li>anything else (public addresses) is allowed.
 * </ol>
 *
 * Addresses are judged after normalisation (an IPv4-mapped IPv6 address is its IPv4 address), and a
 * name is judged by every address it resolves to: one denied address denies the name.
 */
@Component
public class EgressPolicy {
  static final String POLICY = "the egress policy (stepwise.tasks.egress)";
  private static final byte[] EC2_METADATA_V6 = {
    (byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54
  };

  private final boolean allowPrivate;
  private final List<ResourcePattern> allowHosts;
  private final List<ResourcePattern> denyHosts;
  private final List<Rule> cidrRules;
  private final Set<Integer> ownPorts = ConcurrentHashMap.newKeySet();

  private record Rule(Cidr range, boolean allow) {}

  @Autowired
  EgressPolicy(EgressProperties properties, Environment environment) {
    this(properties);
    for (String key : List.of("server.port", "management.server.port")) {
      Integer port = environment.getProperty(key, Integer.class);
      if (port != null && port > 0) ownPorts.add(port);
    }
  }

  public EgressPolicy(EgressProperties properties) {
    this.allowPrivate = properties.allowPrivate();
    var rules = new java.util.ArrayList<Rule>();
    var allowed = new java.util.ArrayList<ResourcePattern>();
    var denied = new java.util.ArrayList<ResourcePattern>();
    for (String entry : properties.allow()) add(entry, true, rules, allowed);
    for (String entry : properties.deny()) add(entry, false, rules, denied);
    // Most specific first; at equal prefixes a deny comes first.
    rules.sort(Comparator.comparingInt((Rule r) -> -r.range().prefix()).thenComparing(Rule::allow));
    this.cidrRules = List.copyOf(rules);
    this.allowHosts = List.copyOf(allowed);
    this.denyHosts = List.copyOf(denied);
  }

  /** The laptop default, with no port of its own to protect: for tests and tools. */
  public static EgressPolicy permissive() {
    return new EgressPolicy(EgressProperties.defaults());
  }

  private static void add(
      String entry, boolean allow, List<Rule> rules, List<ResourcePattern> hosts) {
    String text = entry == null ? "" : entry.trim();
    if (text.isEmpty()) {
      throw new IllegalStateException("stepwise.tasks.egress: an empty allow or deny entry");
    }
    Optional<Cidr> range = Cidr.parse(text);
    if (range.isPresent()) {
      rules.add(new Rule(range.get(), allow));
    } else if (text.contains("/")) {
      throw new IllegalStateException("stepwise.tasks.egress: '" + text + "' is not a CIDR range");
    } else {
      hosts.add(new ResourcePattern(text.toLowerCase(Locale.ROOT)));
    }
  }

  /** The service's own ports, learned as its web servers start (random ports included). */
  @EventListener
  void serverStarted(WebServerInitializedEvent event) {
    ownPorts.add(event.getWebServer().getPort());
  }

  void addOwnPort(int port) {
    ownPorts.add(port);
  }

  /**
   * Why a URL may not be called, judged without asking DNS (when a definition is created): its
   * scheme, a denied host name, or an address written out in the URL. Empty when nothing in the URL
   * itself is denied; its name may still resolve to a denied address when called.
   */
  public Optional<String> refusalOf(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("only http and https URLs may be called, not '" + uri + "'");
    }
    String host = uri.getHost();
    if (host == null) return Optional.of("the URL '" + uri + "' names no host");
    Optional<String> byName = refusalOfName(host);
    if (byName.isPresent()) return byName;
    int port = port(uri);
    return HostLiterals.address(host).flatMap(address -> refusalOf(host, address, port));
  }

  /** Why a host name may not be called, whatever its addresses; empty when it may. */
  Optional<String> refusalOfName(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    for (ResourcePattern pattern : denyHosts) {
      if (pattern.matches(name)) {
        return Optional.of("the host '" + host + "' matches '" + pattern + "' in the deny list");
      }
    }
    return Optional.empty();
  }

  /**
   * Resolves a host once and judges every address it has; the addresses may be connected to.
   *
   * @throws EgressDenied when the name or one of its addresses is denied
   * @throws UnknownHostException when the name does not resolve
   */
  InetAddress[] checkedAddresses(String host, int port) throws UnknownHostException {
    refusalOfName(host).ifPresent(reason -> deny(host, port, reason));
    String lookup = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    Optional<InetAddress> literal = HostLiterals.address(host);
    InetAddress[] addresses =
        literal.isPresent() ? new InetAddress[] {literal.get()} : InetAddress.getAllByName(lookup);
    for (int i = 0; i < addresses.length; i++) {
      addresses[i] = HostLiterals.normalise(addresses[i]);
      InetAddress address = addresses[i];
      refusalOf(host, address, port).ifPresent(reason -> deny(host, port, reason));
    }
    return addresses;
  }

  private static void deny(String host, int port, String reason) {
    throw new EgressDenied(host + ":" + port + " is denied by " + POLICY + ": " + reason);
  }

  /** Why an address of a host may not be called on a port; empty when it may. */
  Optional<String> refusalOf(String host, InetAddress raw, int port) {
    InetAddress address = HostLiterals.normalise(raw);
    String shown = address.getHostAddress();
    if (ownPorts.contains(port) && isLocal(address)) {
      return Optional.of(shown + ":" + port + " is this service's own port");
    }
    String name = host.toLowerCase(Locale.ROOT);
    boolean alwaysDenied = alwaysDenied(address);
    if (!alwaysDenied && allowHosts.stream().anyMatch(p -> p.matches(name))) {
      return Optional.empty();
    }
    for (Rule rule : cidrRules) {
      if (rule.range().contains(address)) {
        return rule.allow()
            ? Optional.empty()
            : Optional.of(shown + " is in a range of the deny list");
      }
    }
    if (alwaysDenied) {
      return Optional.of(
          shown + " is a link-local, cloud metadata, unspecified or multicast address");
    }
    if (!allowPrivate && isPrivate(address)) {
      return Optional.of(
          shown + " is a loopback or private address (stepwise.tasks.egress.allow-private=false)");
    }
    return Optional.empty();
  }

  private static boolean alwaysDenied(InetAddress address) {
    byte[] bytes = address.getAddress();
    return address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()
        || (bytes.length == 4 && bytes[0] == 0)
        || java.util.Arrays.equals(bytes, EC2_METADATA_V6);
  }

  private static boolean isPrivate(InetAddress address) {
    byte[] bytes = address.getAddress();
    boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    return address.isLoopbackAddress() || address.isSiteLocalAddress() || uniqueLocal;
  }

  private static boolean isLocal(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress()) return true;
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return true; // cannot tell: treat it as ours, which only denies
    }
  }

  static int port(URI uri) {
    if (uri.getPort() >= 0) return uri.getPort();
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
