package dev.stepwise.security;

import java.util.Set;

/**
 * The role each AWS wire API operation needs, by its name: reads are {@code viewer}'s, running
 * things is {@code operator}'s, defining things is {@code author}'s; anything unknown is {@code
 * admin}'s, so that a new operation is closed until placed here.
 */
final class WireAccess {
  private static final Set<String> OPERATOR_GETS = Set.of("GetActivityTask");

  private WireAccess() {}

  static Role required(String operation) {
    if (OPERATOR_GETS.contains(operation)) return Role.OPERATOR;
    if (operation.startsWith("Describe")
        || operation.startsWith("List")
        || operation.equals("GetExecutionHistory")) {
      return Role.VIEWER;
    }
    if (operation.startsWith("Start")
        || operation.startsWith("Stop")
        || operation.startsWith("Redrive")
        || operation.startsWith("SendTask")) {
      return Role.OPERATOR;
    }
    if (operation.startsWith("Create")
        || operation.startsWith("Update")
        || operation.startsWith("Delete")
        || operation.startsWith("Publish")
        || operation.startsWith("Tag")
        || operation.startsWith("Untag")
        || operation.equals("TestState")
        || operation.startsWith("Validate")) {
      return Role.AUTHOR;
    }
    return Role.ADMIN;
  }
}
