package dev.stepwise.callback;

import java.time.Instant;

/** A registered activity; Task states name it by {@code activityArn} (any region and account). */
public record ActivityView(String name, String activityArn, Instant createdAt) {}
