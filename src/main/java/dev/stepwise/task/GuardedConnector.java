package dev.stepwise.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * Makes the connections of the calls written in definitions, so that each one reaches only an
 * address the {@link EgressPolicy} has checked, and no later DNS answer can change it (no DNS
 * rebinding).
 *
 * <p>The JDK's HTTP client resolves host names itself and offers no resolver hook, but it asks its
 * {@link ProxySelector} about every request, on the thread that sends it, before connecting; it
 * connects to a proxy's address as given when that address is already resolved. So this selector
 * resolves the host once, checks every address, and then:
 *
 * <ul>
 *   <li>for {@code http}, names the checked address itself as the "proxy": the client connects to
 *       exactly that address and sends the request in absolute form ({@code GET http://host/path})
 *       with the original {@code Host} header, which every HTTP/1.1 server must accept (RFC 9112
 *       §3.2.2);
 *   <li>for {@code https}, names the in-process {@link EgressTunnel}: the client sends it {@code
 *       CONNECT host:port}, and the tunnel resolves, checks and connects to a checked address
 *       itself, then relays bytes. TLS stays end to end between the client and the endpoint, with
 *       the original name for SNI and certificate checks.
 * </ul>
 *
 * A denied destination makes the selector throw {@link EgressDenied} out of {@code sendAsync}, so
 * nothing is sent; a tunnel that refuses answers 403, which the client reports as a failed tunnel.
 */
final class GuardedConnector extends ProxySelector implements AutoCloseable {
  private final EgressPolicy policy;
  private final EgressTunnel tunnel;

  GuardedConnector(EgressPolicy policy, Duration connectTimeout) {
    this.policy = policy;
    this.tunnel = new EgressTunnel(policy, connectTimeout);
  }

  /**
   * A client whose every connection goes through this connector, running its own tasks on {@code
   * executor}.
   */
  HttpClient client(Duration connectTimeout, Executor executor) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .proxy(this)
        .build();
  }

  @Override
  public List<Proxy> select(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    policy
        .refusalOf(uri)
        .ifPresent(
            reason -> {
              throw new EgressDenied(
                  uri.getHost() + " is denied by " + EgressPolicy.POLICY + ": " + reason);
            });
    int port = EgressPolicy.port(uri);
    try {
      var addresses = policy.checkedAddresses(uri.getHost(), port);
      if (scheme.equals("https")) {
        // Checked here for a clear message; the tunnel checks again and is what decides.
        return List.of(new Proxy(Proxy.Type.HTTP, tunnel.address()));
      }
      return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(addresses[0], port)));
    } catch (UnknownHostException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {}

  /** Whether a failure is the tunnel refusing a destination (its 403). */
  static boolean tunnelRefused(Throwable failure) {
    return failure instanceof IOException
        && String.valueOf(failure.getMessage()).contains("Tunnel failed, got: 403");
  }

  @Override
  public void close() {
    tunnel.close();
  }
}
