package dev.stepwise.queue;

import java.net.InetAddress;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** This replica's name in claims: configured, or the host name with a random suffix. */
@Component
public class NodeId {
  private final String value;

  NodeId(QueueProperties properties) {
    this.value =
        StringUtils.hasText(properties.nodeId())
            ? properties.nodeId()
            : hostName() + "-" + suffix();
  }

  public String value() {
    return value;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "stepwise";
    }
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
