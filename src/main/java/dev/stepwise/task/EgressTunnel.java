package dev.stepwise.task;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code CONNECT}-only proxy on the loopback interface, for the {@code https} calls of {@link
 * GuardedConnector}: it resolves the requested host once, checks every address with the {@link
 * EgressPolicy}, connects to a checked address and relays bytes both ways. A denied destination is
 * answered 403 and nothing is connected. It serves nothing else, so a local process that found it
 * could reach only what definitions may reach anyway.
 */
final class EgressTunnel implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EgressTunnel.class);
  private static final int MAX_HEAD_BYTES = 8192;

  private final EgressPolicy policy;
  private final int connectTimeoutMillis;
  private final ServerSocket server;

  EgressTunnel(EgressPolicy policy, Duration connectTimeout) {
    this.policy = policy;
    this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
    try {
      server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().name("egress-tunnel").start(this::accept);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> serve(client));
      } catch (IOException e) {
        if (!server.isClosed()) log.warn("The egress tunnel could not accept a connection", e);
      }
    }
  }

  private void serve(Socket client) {
    Socket upstream = null;
    try (client) {
      client.setSoTimeout(connectTimeoutMillis);
      String head = readHead(client.getInputStream());
      String[] line = head.lines().findFirst().orElse("").split(" ");
      int colon = line.length == 3 ? line[1].lastIndexOf(':') : -1;
      if (!line[0].equals("CONNECT") || colon < 0) {
        answer(client, "400 Bad Request");
        return;
      }
      String host = line[1].substring(0, colon);
      int port = Integer.parseInt(line[1].substring(colon + 1));
      InetAddress[] addresses;
      try {
        addresses = policy.checkedAddresses(host, port);
      } catch (EgressDenied e) {
        log.info("Refused a tunnel: {}", e.getMessage());
        answer(client, "403 Forbidden");
        return;
      }
      upstream = new Socket();
      try {
        upstream.connect(new InetSocketAddress(addresses[0], port), connectTimeoutMillis);
      } catch (IOException e) {
        answer(client, "502 Bad Gateway");
        return;
      }
      client.setSoTimeout(0);
      answer(client, "200 Connection Established");
      Socket remote = upstream;
      Thread toRemote = Thread.ofVirtual().start(() -> copy(client, remote));
      copy(remote, client);
      toRemote.join();
    } catch (IOException | RuntimeException e) {
      log.debug("A tunnel ended: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(upstream);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0 || head.size() >= MAX_HEAD_BYTES) throw new IOException("no CONNECT request");
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(ISO_8859_1);
  }

  private static void answer(Socket client, String status) throws IOException {
    String head = "HTTP/1.1 " + status + "\r\n";
    if (!status.startsWith("200")) head += "Content-Length: 0\r\nConnection: close\r\n";
    client.getOutputStream().write((head + "\r\n").getBytes(ISO_8859_1));
    client.getOutputStream().flush();
  }

  /** Copies until either side ends, then ends both, so that the other copy stops as well. */
  private static void copy(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
    } catch (IOException e) {
      // the connection ended
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    if (socket == null) return;
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }
}
