package dev.stepwise;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.stepwise.callback.CallbackOpened;
import dev.stepwise.callback.OpenCallbacks;
import dev.stepwise.execution.ExecutionChanged;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.execution.TaskCompleted;
import dev.stepwise.queue.Backlog;
import dev.stepwise.queue.ClaimLoopStatus;
import dev.stepwise.queue.ClaimLost;
import dev.stepwise.queue.LeasesTakenOver;
import dev.stepwise.queue.WorkHandedBack;
import dev.stepwise.queue.WorkItemHandled;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

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
   * Inside the runtime's packages (the core, the queue and the features) no two classes depend on
   * each other, directly or through others: each can be read (and tested) knowing only what it
   * uses.
   */
  @ArchTest
  static final ArchRule runtimeClassesAreFreeOfCycles =
      slices()
          .assignedFrom(
              new ClassesOf(
                  Set.of(
                      "dev.stepwise.execution",
                      "dev.stepwise.queue",
                      "dev.stepwise.callback",
                      "dev.stepwise.children",
                      "dev.stepwise.lifecycle",
                      "dev.stepwise.failure")))
          .should()
          .beFreeOfCycles();

  /**
   * HTTP belongs to the web layer: the APIs ({@code api}, the native one, and {@code aws}, the AWS
   * wire API), the console, and the controllers a feature module keeps next to its code (annotated
   * {@code @RestController}, as {@code callback}'s). Everything else throws exceptions that say
   * what went wrong, each of a failure category. {@code security} is a web edge too: its filters
   * answer 401 and 403 before any controller runs.
   */
  @ArchTest
  static final ArchRule httpOnlyInTheWebLayer =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "dev.stepwise.api..",
              "dev.stepwise.aws..",
              "dev.stepwise.console..",
              "dev.stepwise.security..")
          .and()
          .areNotAnnotatedWith(RestController.class)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.http..", "org.springframework.web..");

  /**
   * Which HTTP status a failure is, only the APIs say ({@code ApiErrors} maps the failure
   * categories, {@code aws}'s {@code AwsErrors} AWS's error names, the console its own read
   * endpoints' refusals); a feature's controller answers its successes and throws the rest.
   */
  @ArchTest
  static final ArchRule statusCodesAndErrorMappingOnlyInTheApi =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "dev.stepwise.api..", "dev.stepwise.aws..", "dev.stepwise.console..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(
              HttpStatus.class,
              HttpStatusCode.class,
              ProblemDetail.class,
              ExceptionHandler.class,
              RestControllerAdvice.class,
              ResponseStatus.class);

  /** The failure categories are plain exceptions: they depend on nothing of the service. */
  @ArchTest
  static final ArchRule failureCategoriesStandAlone =
      classes()
          .that()
          .resideInAPackage("dev.stepwise.failure..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.stepwise.failure..");

  /** The core and its features throw exceptions of their own, never the state machines' ones. */
  @ArchTest
  static final ArchRule executionThrowsItsOwnExceptions =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.stepwise.execution..",
              "dev.stepwise.callback..",
              "dev.stepwise.children..",
              "dev.stepwise.lifecycle..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.stepwise.statemachine..").and(assignableTo(Throwable.class)));

  /**
   * The core names no feature: it hands their effects to handler interfaces of its own ({@code
   * DispatchHandler}, {@code DeliveryHandler}, {@code StopHandler}, {@code ChildExecutions}) that
   * the features implement.
   */
  @ArchTest
  static final ArchRule coreNamesNoFeature =
      noClasses()
          .that()
          .resideInAPackage("dev.stepwise.execution..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.stepwise.callback..",
              "dev.stepwise.children..",
              "dev.stepwise.lifecycle..",
              "dev.stepwise.api..",
              "dev.stepwise.metrics..");

  /** The features know the core, not each other. */
  @ArchTest
  static void featuresDoNotUseEachOther(JavaClasses classes) {
    var features = List.of("callback", "children", "lifecycle");
    for (String feature : features) {
      var others =
          features.stream()
              .filter(other -> !other.equals(feature))
              .map(other -> "dev.stepwise." + other + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("dev.stepwise." + feature + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .check(classes);
    }
  }

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
                          WorkItemHandled.class,
                          LeasesTakenOver.class,
                          WorkHandedBack.class,
                          Backlog.class,
                          ClaimLoopStatus.class,
                          OpenCallbacks.class)));
}
