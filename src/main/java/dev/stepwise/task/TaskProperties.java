package dev.stepwise.task;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** STUB: replaced by the task module. */
@ConfigurationProperties("stepwise.tasks")
public record TaskProperties(@DefaultValue("60s") Duration defaultTimeout) {}
