package dev.stepwise.security;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state machines a wire request names: the state machine of every state machine, execution and
 * map run ARN among its members, and a created state machine's name. Activity ARNs and task tokens
 * name no state machine (a task token is itself the proof of the right to answer it).
 */
final class WireTargets {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> ARN_MEMBERS =
      List.of("stateMachineArn", "executionArn", "mapRunArn", "resourceArn");

  /** {@code names}: the state machines; {@code unreadable}: the body or an ARN made no sense. */
  record Named(List<String> names, String target, boolean unreadable) {}

  private WireTargets() {}

  static Named read(String operation, byte[] body) {
    JsonNode root;
    try {
      root = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (RuntimeException e) {
      return new Named(List.of(), "-", true);
    }
    if (root == null || !root.isObject()) return new Named(List.of(), "-", true);
    var names = new ArrayList<String>();
    String target = null;
    boolean unreadable = false;
    for (String member : ARN_MEMBERS) {
      JsonNode value = root.get(member);
      if (value == null || value.isNull()) continue;
      if (!value.isString()) {
        unreadable = true;
        continue;
      }
      if (target == null) target = value.asString();
      String arn = value.asString();
      String[] parts = arn.split(":", -1);
      if (parts.length < 7 || !"arn".equals(parts[0])) {
        unreadable = true;
        continue;
      }
      switch (parts[5]) {
        case "stateMachine", "execution", "express" -> names.add(parts[6]);
        case "mapRun" -> names.add(parts[6].split("/", 2)[0]);
        case "activity" -> {}
        default -> unreadable = true;
      }
    }
    if (operation.equals("CreateStateMachine")) {
      JsonNode name = root.get("name");
      if (name != null && name.isString()) {
        names.add(name.asString());
        if (target == null) target = name.asString();
      } else {
        unreadable = true;
      }
    }
    if (target == null && root.get("name") != null && root.get("name").isString()) {
      target = root.get("name").asString();
    }
    return new Named(List.copyOf(names), target == null ? "-" : target, unreadable);
  }
}
