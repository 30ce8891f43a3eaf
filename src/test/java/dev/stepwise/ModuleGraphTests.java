package dev.stepwise;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The module graph, declared: each top-level package under {@code dev.stepwise} is a module, and
 * {@link #ALLOWED} lists the modules it may use. A new dependency between modules is a decision,
 * made here, in review; an import that breaks the graph fails this test, and so does a module that
 * is not declared. No cycles between modules either (the finer rules, such as purity of {@code asl}
 * and {@code engine} and no class cycles inside {@code execution} and {@code queue}, are in {@link
 * ArchitectureTests}).
 *
 * <p>ArchUnit rather than Spring Modulith: the rules that matter here (a pure interpreter free of
 * Spring, class-level cycles inside a package) are ArchUnit rules anyway, and Modulith's
 * conventions (a module's sub-packages are internal) would force a package layout the engine does
 * not need.
 */
@AnalyzeClasses(packages = "dev.stepwise", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleGraphTests {

  /** Module → the modules it may depend on (the direction of every arrow in the README). */
  static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

  static {
    ALLOWED.put("asl", Set.of());
    ALLOWED.put("failure", Set.of());
    ALLOWED.put("engine", Set.of("asl"));
    ALLOWED.put("task", Set.of("asl", "engine"));
    ALLOWED.put("database", Set.of("asl"));
    ALLOWED.put("queue", Set.of("database"));
    // The trace an execution keeps and the spans of its work: a leaf the core and the starts use.
    ALLOWED.put("tracing", Set.of());
    ALLOWED.put("admission", Set.of("queue"));
    ALLOWED.put("statemachine", Set.of("asl", "database", "failure"));
    // The core: transactions, change writing, stores, the work handlers it needs. It names no
    // feature: it hands their effects to handler interfaces the features implement.
    ALLOWED.put(
        "execution",
        Set.of("asl", "engine", "task", "database", "queue", "statemachine", "failure", "tracing"));
    // The features, each on the core.
    // Child executions: a distributed Map's, and those Task states start (states:startExecution),
    // which resolve state machines and name them with the task module's AWS account.
    ALLOWED.put(
        "children",
        Set.of("asl", "engine", "queue", "execution", "statemachine", "failure", "task"));
    ALLOWED.put(
        "lifecycle", Set.of("asl", "admission", "statemachine", "execution", "failure", "tracing"));
    ALLOWED.put(
        "callback", Set.of("asl", "engine", "database", "queue", "execution", "failure", "api"));
    // One state run on its own (AWS TestState): the engine and a Task call, nothing stored.
    ALLOWED.put("teststate", Set.of("asl", "engine", "task", "failure"));
    // The edges. Security knows callers, roles and prefixes; it looks up an execution's state
    // machine to confine a caller to its prefix. The APIs ask it who is calling.
    ALLOWED.put("security", Set.of("lifecycle", "failure"));
    ALLOWED.put("metrics", Set.of("execution", "callback", "queue"));
    ALLOWED.put(
        "api",
        Set.of(
            "asl",
            "database",
            "admission",
            "statemachine",
            "execution",
            "lifecycle",
            "failure",
            "teststate",
            "security"));
    // The AWS wire API: the same services as the native API, in AWS's shapes. It reads the
    // region and account from the task module, which owns every stepwise.aws setting.
    ALLOWED.put(
        "aws",
        Set.of(
            "asl",
            "task",
            "database",
            "admission",
            "statemachine",
            "execution",
            "lifecycle",
            "callback",
            "children",
            "failure",
            "teststate",
            "security"));
    // The web console: its pages, and read-only queries of its own over the runtime's tables.
    ALLOWED.put("console", Set.of("asl", "database", "queue", "execution"));
    // Retention: deletes closed executions and drops history partitions, in plain SQL.
    ALLOWED.put("retention", Set.of("database", "failure"));
  }

  @ArchTest
  static void everyModuleIsDeclared(JavaClasses classes) {
    Set<String> modules = new TreeSet<>();
    classes.forEach(
        c -> {
          String name = c.getPackageName();
          if (name.startsWith("dev.stepwise.")) modules.add(name.split("\\.")[2]);
        });
    org.assertj.core.api.Assertions.assertThat(ALLOWED.keySet())
        .as("modules declared in ModuleGraphTests.ALLOWED")
        .containsAll(modules);
  }

  @ArchTest
  static void modulesUseOnlyWhatTheyDeclare(JavaClasses classes) {
    for (var module : ALLOWED.entrySet()) {
      List<String> allowed =
          module.getValue().stream().map(m -> "dev.stepwise." + m + "..").toList();
      ArchRule rule =
          classes()
              .that()
              .resideInAPackage("dev.stepwise." + module.getKey() + "..")
              .should()
              .onlyDependOnClassesThat(
                  resideOutsideOfPackage("dev.stepwise..")
                      .or(resideInAnyPackage("dev.stepwise." + module.getKey() + ".."))
                      .or(resideInAnyPackage(allowed.toArray(String[]::new))))
              .as("module " + module.getKey() + " uses only " + module.getValue());
      rule.check(classes);
    }
  }

  @ArchTest
  static final ArchRule noCyclesBetweenModules =
      slices().matching("dev.stepwise.(*)..").should().beFreeOfCycles();
}
