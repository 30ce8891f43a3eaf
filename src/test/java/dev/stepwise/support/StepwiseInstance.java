package dev.stepwise.support;

import dev.stepwise.StepwiseApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One running Stepwise, started as the real application on a random port. Tests start several on
 * one database (replicas) and close and start them again (restarts). Its clock is a {@link
 * TestClock} that a test may advance instead of sleeping.
 */
public final class StepwiseInstance implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final Api api;
  private final TestClock clock;

  private StepwiseInstance(ConfigurableApplicationContext context, TestClock clock) {
    this.context = context;
    this.clock = clock;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.api = new Api("http://127.0.0.1:" + port);
  }

  public static StepwiseInstance start(Map<String, Object> properties) {
    var all = new HashMap<String, Object>();
    all.put("server.port", 0);
    // The tests share a busy machine: a start may wait long for its turn, and the backlog never
    // refuses one (AdmissionIntegrationTests sets tight limits of its own).
    all.put("stepwise.admission.max-wait", "60s");
    all.put("stepwise.admission.max-backlog", 0);
    all.put("stepwise.admission.max-lag", "0s");
    all.putAll(TestDatabase.properties());
    all.putAll(properties);
    // As command-line arguments, so that they win over application-test.yaml (which names the
    // test database itself) just as they would in production.
    String[] arguments =
        all.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    var clock = new TestClock();
    var context =
        new SpringApplicationBuilder(StepwiseApplication.class)
            .profiles("test")
            .initializers(
                ctx ->
                    // Runs once the configuration classes are read: the application's clock
                    // bean gives way to the test's.
                    ctx.addBeanFactoryPostProcessor(
                        factory -> {
                          ((BeanDefinitionRegistry) factory).removeBeanDefinition("clock");
                          factory.registerSingleton("clock", clock);
                        }))
            .run(arguments);
    return new StepwiseInstance(context, clock);
  }

  public static StepwiseInstance start() {
    return start(Map.of());
  }

  /** The clock every bean of this instance reads; advancing it moves their time forward. */
  public TestClock clock() {
    return clock;
  }

  public Api api() {
    return api;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** Task answers this instance dropped because their claim was gone, as its metrics count them. */
  public double droppedTaskAnswers() {
    var counter =
        bean(io.micrometer.core.instrument.MeterRegistry.class)
            .find("stepwise.queue.dropped")
            .tag("kind", "TASK")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    context.close();
  }
}
