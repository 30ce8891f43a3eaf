package dev.stepwise;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.stepwise.execution.CallbackOpened;
import dev.stepwise.execution.ExecutionChanged;
import dev.stepwise.execution.ExecutionStatus;
import dev.stepwise.execution.OpenCallbacks;
import dev.stepwise.execution.TaskCompleted;
import dev.stepwise.queue.Backlog;
import dev.stepwise.queue.ClaimLost;
import java.util.Set;

/**
 * The package rules of the README's "How it works": {@code asl} and {@code engine} are pure (no
 * Spring, no persistence, no HTTP), and the layers depend on each other in one direction only.
 */
@AnalyzeClasses(packages = "dev.stepwise", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule aslAndEngineAreFreeOfFrameworksAndIo =
      noClasses()
          .that()
          .resideInAnyPackage("dev.stepwise.asl..", "dev.stepwise.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..", "jakarta.persistence..", "java.sql..", "java.net.http..");

  @ArchTest
  static final ArchRule aslDependsOnNoOtherStepwisePackage =
      noClasses()
          .that()
          .resideInAPackage("dev.stepwise.asl..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.stepwise.engine..",
              "dev.stepwise.execution..",
              "dev.stepwise.queue..",
              "dev.stepwise.task..",
              "dev.stepwise.api..",
              "dev.stepwise.statemachine..");

  @ArchTest
  static final ArchRule queueKnowsNothingOfStateMachines =
      noClasses()
          .that()
          .resideInAPackage("dev.stepwise.queue..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.stepwise.asl..", "dev.stepwise.engine..", "dev.stepwise.execution..");

  @ArchTest
  static final ArchRule taskDependsOnNoRuntimeOrStorage =
      noClasses()
          .that()
          .resideInAPackage("dev.stepwise.task..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.stepwise.execution..",
              "dev.stepwise.queue..",
              "dev.stepwise.statemachine..",
              "dev.stepwise.api..");

  @ArchTest
  static final ArchRule apiDoesNotReachIntoTheQueue =
      noClasses()
          .that()
          .resideInAPackage("dev.stepwise.api..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.stepwise.queue..");

  @ArchTest
  static final ArchRule engineDependsOnlyOnAsl =
      noClasses()
          .that()
          .resideInAPackage("dev.stepwise.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.stepwise.execution..",
              "dev.stepwise.queue..",
              "dev.stepwise.task..",
              "dev.stepwise.api..",
              "dev.stepwise.statemachine..");

  /** No two top-level packages depend on each other, directly or through others. */
  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("dev.stepwise.(*)..").should().beFreeOfCycles();

  /**
   * Inside the runtime's packages no two classes depend on each other, directly or through others:
   * each can be read (and tested) knowing only what it uses.
   */
  @ArchTest
  static final ArchRule runtimeClassesAreFreeOfCycles =
      slices()
          .assignedFrom(new ClassesOf(Set.of("dev.stepwise.execution", "dev.stepwise.queue")))
          .should()
          .beFreeOfCycles();

  /** One slice per top-level class of the given packages (nested classes count as theirs). */
  private record ClassesOf(Set<String> packages) implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      if (!packages.contains(javaClass.getPackageName())) return SliceIdentifier.ignore();
      String name = javaClass.getName();
      int nested = name.indexOf('$');
      return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
    }

    @Override
    public String getDescription() {
      return "classes of " + packages;
    }
  }

  /**
   * Modules throw exceptions that say what went wrong; which HTTP status that is, only the web
   * edges say (the API and the console).
   */
  @ArchTest
  static final ArchRule httpOnlyInTheWebLayer =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.stepwise.api..", "dev.stepwise.console..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.http..", "org.springframework.web..");

  @ArchTest
  static final ArchRule executionThrowsItsOwnExceptions =
      noClasses()
          .that()
          .resideInAPackage("dev.stepwise.execution..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.stepwise.statemachine..").and(assignableTo(Throwable.class)));

  /** Jayway JsonPath is how {@code asl.path} reads paths; the engine sees only its own types. */
  @ArchTest
  static final ArchRule engineDoesNotSeeJsonPathsLibrary =
      noClasses()
          .that()
          .resideInAPackage("dev.stepwise.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.jayway..");

  /** The core never calls the metrics; they observe its events. */
  @ArchTest
  static final ArchRule nothingCallsTheMetrics =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.stepwise.metrics..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.stepwise.metrics..");

  /** The metrics read events and read-only views, never a service that changes state. */
  @ArchTest
  static final ArchRule metricsOnlyObserve =
      classes()
          .that()
          .resideInAPackage("dev.stepwise.metrics..")
          .should()
          .onlyDependOnClassesThat(
              resideOutsideOfPackage("dev.stepwise..")
                  .or(resideInAPackage("dev.stepwise.metrics.."))
                  .or(
                      belongToAnyOf(
                          ExecutionChanged.class,
                          TaskCompleted.class,
                          CallbackOpened.class,
                          ExecutionStatus.class,
                          ClaimLost.class,
                          Backlog.class,
                          OpenCallbacks.class)));
}
