package dev.stepwise.ops;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart in {@code helm/stepwise}, linted and rendered by Helm itself (bundled in the helm-java
 * jar), as {@code helm lint} and {@code helm template} would on a workstation.
 */
public final class HelmChart {
  public static final Path CHART = Path.of("helm/stepwise");
  public static final Path PRODUCTION_VALUES = CHART.resolve("examples/production-values.yaml");
  static final String RELEASE = "stepwise";
  static final String NAMESPACE = "apps";

  private HelmChart() {}

  public static LintResult lint() {
    return new Helm(CHART).lint().strict().call();
  }

  /** The manifests of the chart with its default values and {@code options} applied. */
  public static Manifests render(UnaryOperator<TemplateCommand> options) {
    TemplateCommand command =
        new Helm(CHART)
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion("1.31.0");
    return Manifests.parse(options.apply(command).call());
  }

  public static Manifests renderDefaults() {
    return render(command -> command);
  }

  /** Rendered manifests, one map per YAML document. */
  public record Manifests(List<Map<String, Object>> documents) {
    static Manifests parse(String yaml) {
      var documents = new ArrayList<Map<String, Object>>();
      for (Object document : new Yaml().loadAll(yaml)) {
        if (document instanceof Map<?, ?> map) {
          @SuppressWarnings("unchecked")
          var manifest = (Map<String, Object>) map;
          documents.add(manifest);
        }
      }
      return new Manifests(documents);
    }

    public List<Map<String, Object>> ofKind(String kind) {
      return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    /** The one manifest of {@code kind}; fails if there is none or several. */
    public Map<String, Object> one(String kind) {
      var found = ofKind(kind);
      if (found.size() != 1) {
        throw new AssertionError("expected one " + kind + ", found " + found.size());
      }
      return found.getFirst();
    }

    public boolean has(String kind) {
      return !ofKind(kind).isEmpty();
    }

    /** The Deployment's pod spec. */
    public Map<String, Object> podSpec() {
      return Yamls.map(one("Deployment"), "spec", "template", "spec");
    }

    /** The Deployment's only container. */
    public Map<String, Object> container() {
      var containers = Yamls.list(podSpec(), "containers");
      if (containers.size() != 1) throw new AssertionError("containers: " + containers);
      return containers.getFirst();
    }

    /** The container's environment variables with a literal value, by name. */
    public Map<String, String> literalEnv() {
      var env = new java.util.LinkedHashMap<String, String>();
      for (var variable : Yamls.list(container(), "env")) {
        if (variable.get("value") != null) {
          env.put((String) variable.get("name"), variable.get("value").toString());
        }
      }
      return env;
    }

    /** The container's environment variable {@code name} as rendered, or null. */
    public Map<String, Object> envVar(String name) {
      return Yamls.list(container(), "env").stream()
          .filter(v -> name.equals(v.get("name")))
          .findFirst()
          .orElse(null);
    }
  }
}
