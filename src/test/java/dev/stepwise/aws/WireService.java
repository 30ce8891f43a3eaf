package dev.stepwise.aws;

import dev.stepwise.support.Sfn;
import dev.stepwise.support.StepwiseInstance;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * One running Stepwise and an AWS SDK for Java v2 client pointed at it, for a wire API test class:
 * started before the class's first test (and before its own {@code @BeforeAll} methods, which may
 * use it), closed after its last. A class registers it on a static field:
 *
 * <pre>{@code @RegisterExtension static final WireService wire = WireService.started();}</pre>
 */
final class WireService implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<Map<String, Object>> properties;
  private StepwiseInstance stepwise;
  private SfnClient sfn;

  private WireService(Supplier<Map<String, Object>> properties) {
    this.properties = properties;
  }

  /** With the test defaults. */
  static WireService started() {
    return new WireService(Map::of);
  }

  /** With these application properties. */
  static WireService with(Map<String, Object> properties) {
    return new WireService(() -> properties);
  }

  /**
   * With the properties {@code properties} gives when the class starts (after what they name, an
   * endpoint the routes point at, has started).
   */
  static WireService with(Supplier<Map<String, Object>> properties) {
    return new WireService(properties);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    stepwise = StepwiseInstance.start(properties.get());
    sfn = Sfn.client(stepwise.api().base());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (sfn != null) sfn.close();
    if (stepwise != null) stepwise.close();
  }

  SfnClient sfn() {
    return sfn;
  }

  StepwiseInstance stepwise() {
    return stepwise;
  }
}
