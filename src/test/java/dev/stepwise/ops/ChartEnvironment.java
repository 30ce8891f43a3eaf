package dev.stepwise.ops;

import dev.stepwise.ops.HelmChart.Manifests;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment the chart gives the Stepwise container, as the kubelet would resolve it: literal
 * values, Secret references read from the Secrets the chart rendered, the pod's name for field
 * references.
 */
final class ChartEnvironment {
  private ChartEnvironment() {}

  static Map<String, String> of(Manifests manifests, String podName) {
    var environment = new LinkedHashMap<String, String>();
    for (var variable : Yamls.list(manifests.container(), "env")) {
      String name = (String) variable.get("name");
      if (variable.get("value") != null) {
        environment.put(name, variable.get("value").toString());
      } else if (Yamls.map(variable, "valueFrom").containsKey("fieldRef")) {
        environment.put(name, podName);
      } else {
        var ref = Yamls.map(variable, "valueFrom", "secretKeyRef");
        environment.put(
            name, secretValue(manifests, (String) ref.get("name"), (String) ref.get("key")));
      }
    }
    return environment;
  }

  /** A value of a Secret the chart rendered (one that exists already cannot be read here). */
  static String secretValue(Manifests manifests, String secret, String key) {
    for (var manifest : manifests.ofKind("Secret")) {
      if (!secret.equals(Yamls.map(manifest, "metadata").get("name"))) continue;
      String encoded = (String) Yamls.map(manifest, "data").get(key);
      if (encoded == null) throw new AssertionError("no key " + key + " in Secret " + secret);
      return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }
    throw new AssertionError("the chart rendered no Secret " + secret);
  }
}
