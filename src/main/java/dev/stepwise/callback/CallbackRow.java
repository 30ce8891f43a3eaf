package dev.stepwise.callback;

import java.util.UUID;

/**
 * A handed-out task token and the token position it answers for. {@code heartbeatSeconds} is null
 * without HeartbeatSeconds; {@code activity} is null when an HTTP request delivered it.
 */
record CallbackRow(
    String taskToken,
    UUID executionId,
    int tokenId,
    int tokenVersion,
    String stateMachine,
    String resource,
    Integer heartbeatSeconds,
    String activity,
    boolean started,
    boolean closed) {}
