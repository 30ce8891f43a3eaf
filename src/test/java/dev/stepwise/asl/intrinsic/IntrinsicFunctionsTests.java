package dev.stepwise.asl.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.path.Bindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IntrinsicFunctionsTests {

  private static final Object INPUT =
      Json.parse(
          """
          {"name": "Ada", "numbers": [1, 2, 3], "person": {"first": "Ada", "age": 36},
           "text": "a,b", "items": [{"id": "x", "n": 1}, {"id": "y", "n": 2}]}
          """);
  private static final Object CONTEXT =
      Json.parse(
          """
          {"Execution": {"Id": "arn:aws:states:eu-west-1:1:execution:sm:run-42",
                         "Input": {"field": {"k": "v"}}},
           "StateMachine": {"Name": "orders-v2-prod"}}
          """);
  private static final Bindings BINDINGS =
      new Bindings(INPUT, CONTEXT, Map.of("greeting", "Hello {}!", "config", Map.of("size", 2)));

  private static Object eval(String expression) {
    return IntrinsicFunctions.evaluate(expression, BINDINGS);
  }

  private static Object eval(String expression, Object input) {
    return IntrinsicFunctions.evaluate(expression, new Bindings(input, CONTEXT));
  }

  private static void assertIntrinsicFailure(ThrowingCallable call, String causeFragment) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo(ErrorNames.INTRINSIC_FAILURE);
              assertThat(e.cause()).contains(causeFragment);
            });
  }

  private static List<Diagnostic> diagnostics(String expression) {
    var diagnostics = new ArrayList<Diagnostic>();
    IntrinsicFunctions.validate(expression, "/States/A/Parameters/x.$", diagnostics);
    return diagnostics;
  }

  @Nested
  class Syntax {
    @Test
    void recognisesCalls() {
      assertThat(IntrinsicFunctions.isCall("States.Array()")).isTrue();
      assertThat(IntrinsicFunctions.isCall("$.States")).isFalse();
    }

    @Test
    void literalsOfEveryKind() {
      assertThat(eval("States.Array('a', 1, -2, 3.5, -0.25, 1e3, true, false, null)"))
          .isEqualTo(java.util.Arrays.asList("a", 1, -2, 3.5, -0.25, 1000.0, true, false, null));
    }

    @Test
    void whitespaceAroundArgumentsIsIgnored() {
      assertThat(eval("States.Array(  'a' ,\t$.name\n, States.Array( ) )"))
          .isEqualTo(List.of("a", "Ada", List.of()));
    }

    @Test
    void escapesInStringLiterals() {
      assertThat(eval("States.Array('it\\'s', '\\{x\\}', 'back\\\\slash')"))
          .isEqualTo(List.of("it's", "{x}", "back\\slash"));
    }

    @Test
    void unescapedBracesAndQuotesInsideLiteralsArePlainText() {
      assertThat(eval("States.StringToJson('{\"a\": [1, \"b\"]}')"))
          .isEqualTo(Map.of("a", List.of(1, "b")));
    }

    @Test
    void literalMayContainRealNewlines() {
      assertThat(eval("States.StringSplit('one\ntwo', '\n')")).isEqualTo(List.of("one", "two"));
    }

    @Test
    void nestedCalls() {
      assertThat(
              eval(
                  "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'),"
                      + " States.MathAdd(States.ArrayLength(States.StringSplit("
                      + "$$.StateMachine.Name, '-')), -1))"))
          .isEqualTo("prod");
    }

    @Test
    void syntaxErrorsFailAtRunTime() {
      assertIntrinsicFailure(() -> eval("States.Array('a'"), "Expected ',' or ')'");
      assertIntrinsicFailure(() -> eval("States.Array('a\\n')"), "Invalid escape sequence");
      assertIntrinsicFailure(() -> eval("States.Array() extra"), "end of expression");
    }

    @Test
    void unknownFunctionFailsAtRunTime() {
      assertIntrinsicFailure(() -> eval("States.Nope(1)"), "'States.Nope' does not exist");
    }

    @Test
    void wrongArgumentCountFailsAtRunTime() {
      assertIntrinsicFailure(
          () -> eval("States.ArrayLength($.numbers, 1)"),
          "takes exactly 1 argument but was given 2");
    }
  }

  @Nested
  class Paths {
    @Test
    void wholeInputAndNestedFields() {
      assertThat(eval("States.JsonToString($)", Map.of("a", 1))).isEqualTo("{\"a\":1}");
      assertThat(eval("States.Array($.person.first, $.numbers[1])")).isEqualTo(List.of("Ada", 2));
    }

    @Test
    void contextObject() {
      assertThat(eval("States.ArrayGetItem(States.StringSplit($$.Execution.Id, ':'), 7)"))
          .isEqualTo("run-42");
      assertThat(eval("States.JsonMerge($$.Execution.Input.field, $.person, false)"))
          .isEqualTo(Map.of("k", "v", "first", "Ada", "age", 36));
    }

    @Test
    void variables() {
      assertThat(eval("States.Format($greeting, $config.size)")).isEqualTo("Hello 2!");
    }

    @Test
    void filterWithCommaAndParenthesesInsidePath() {
      assertThat(eval("States.Array($.items[?(@.id in ['x', 'z'])].n, 'end')"))
          .isEqualTo(List.of(List.of(1), "end"));
    }

    @Test
    void missingPathIsReportedWithThePathAsWritten() {
      assertThatThrownBy(() -> eval("States.Format('{}', $$.Execution.Input.missing)"))
          .isInstanceOfSatisfying(
              IntrinsicPathNotFoundException.class,
              e -> {
                assertThat(e.path()).isEqualTo("$$.Execution.Input.missing");
                assertThat(e.cause("value.$", Map.of("a", 1)))
                    .isEqualTo(
                        "The JSONPath '$$.Execution.Input.missing' specified for the field"
                            + " 'value.$' could not be found in the input '{\"a\":1}'");
              });
    }

    @Test
    void undefinedVariableIsARuntimeError() {
      assertThatThrownBy(() -> eval("States.Array($nope)"))
          .isInstanceOfSatisfying(
              StatesError.class, e -> assertThat(e.error()).isEqualTo(ErrorNames.RUNTIME));
    }
  }

  @Nested
  class Format {
    @Test
    void replacesPlaceholdersInOrder() {
      assertThat(eval("States.Format('{} is {} years old', $.name, $.person.age)"))
          .isEqualTo("Ada is 36 years old");
    }

    @Test
    void rendersEveryJsonType() {
      Object input =
          Json.parse(
              "{\"o\": {\"a\": 1, \"b\": [true, \"s\"]}, \"n\": null, \"d\": 1.5, \"s\": \"x\"}");
      assertThat(eval("States.Format('{}|{}|{}|{}|{}', $.o, $.n, $.d, $.s, $.o.b)", input))
          .isEqualTo("{a=1, b=[true, s]}|null|1.5|x|[true, s]");
    }

    @Test
    void escapedBracesAreNotPlaceholders() {
      assertThat(eval("States.Format('\\{\\} {} \\{{}\\}', 'a', 'b')")).isEqualTo("{} a {b}");
    }

    @Test
    void templateFromAPathHasNoEscapes() {
      assertThat(eval("States.Format($.t, 'x')", Map.of("t", "It's {}\\n"))).isEqualTo("It's x\\n");
    }

    @Test
    void placeholderCountMustMatchValues() {
      assertIntrinsicFailure(
          () -> eval("States.Format($greeting)"), "has 1 placeholders but 0 values");
      assertIntrinsicFailure(
          () -> eval("States.Format('{}', 1, 2)"), "has 1 placeholders but 2 values");
    }

    @Test
    void templateMustBeAString() {
      assertIntrinsicFailure(() -> eval("States.Format($.numbers)"), "must be a string");
    }
  }

  @Nested
  class JsonConversion {
    @Test
    void stringToJsonParsesAnyJsonValue() {
      assertThat(eval("States.StringToJson($.s)", Map.of("s", "{\"a\": [1, 2.5]}")))
          .isEqualTo(Map.of("a", List.of(1, 2.5)));
      assertThat(eval("States.StringToJson('\"x\"')")).isEqualTo("x");
      assertThat(eval("States.StringToJson('true')")).isEqualTo(true);
    }

    @Test
    void stringToJsonOfBlankIsNull() {
      assertThat(eval("States.StringToJson(' ')")).isNull();
      assertThat(eval("States.StringToJson('')")).isNull();
    }

    @Test
    void stringToJsonFailures() {
      assertIntrinsicFailure(() -> eval("States.StringToJson('{oops')"), "not valid JSON");
      assertIntrinsicFailure(() -> eval("States.StringToJson(1)"), "must be a string");
    }

    @Test
    void jsonToStringWritesCompactJson() {
      assertThat(eval("States.JsonToString($.person)")).isEqualTo("{\"first\":\"Ada\",\"age\":36}");
      assertThat(eval("States.JsonToString($.name)")).isEqualTo("\"Ada\"");
      assertThat(eval("States.JsonToString(null)")).isEqualTo("null");
    }

    @Test
    void jsonMergeIsShallowAndSecondWins() {
      Object input =
          Json.parse(
              "{\"a\": {\"x\": {\"p\": 1}, \"y\": 1}, \"b\": {\"x\": {\"q\": 2}, \"z\": 3}}");
      assertThat(eval("States.JsonMerge($.a, $.b, false)", input))
          .isEqualTo(Map.of("x", Map.of("q", 2), "y", 1, "z", 3));
    }

    @Test
    void jsonMergeFailures() {
      assertIntrinsicFailure(
          () -> eval("States.JsonMerge($.person, $.person, true)"), "deep merge");
      assertIntrinsicFailure(
          () -> eval("States.JsonMerge($.numbers, $.person, false)"), "must be a JSON object");
      assertIntrinsicFailure(
          () -> eval("States.JsonMerge($.person, $.person, 'false')"), "must be a boolean");
    }
  }

  @Nested
  class Arrays {
    @Test
    void arrayOfNoneOrManyValues() {
      assertThat(eval("States.Array()")).isEqualTo(List.of());
      assertThat(eval("States.Array($.person, $.numbers)"))
          .isEqualTo(List.of(Map.of("first", "Ada", "age", 36), List.of(1, 2, 3)));
    }

    @Test
    void partition() {
      Object input = Map.of("a", List.of(1, 2, 3, 4, 5));
      assertThat(eval("States.ArrayPartition($.a, 2)", input))
          .isEqualTo(List.of(List.of(1, 2), List.of(3, 4), List.of(5)));
      assertThat(eval("States.ArrayPartition($.a, 9)", input))
          .isEqualTo(List.of(List.of(1, 2, 3, 4, 5)));
      assertThat(eval("States.ArrayPartition(States.Array(), 3)")).isEqualTo(List.of());
    }

    @Test
    void partitionRoundsTheChunkSize() {
      assertThat(eval("States.ArrayPartition($.numbers, 1.5)"))
          .isEqualTo(List.of(List.of(1, 2), List.of(3)));
    }

    @Test
    void partitionFailures() {
      assertIntrinsicFailure(() -> eval("States.ArrayPartition($.numbers, 0)"), "positive");
      assertIntrinsicFailure(() -> eval("States.ArrayPartition($.name, 1)"), "must be an array");
    }

    @Test
    void containsComparesJsonValues() {
      assertThat(eval("States.ArrayContains($.numbers, 2)")).isEqualTo(true);
      assertThat(eval("States.ArrayContains($.numbers, 2.0)")).isEqualTo(true);
      assertThat(eval("States.ArrayContains($.numbers, '2')")).isEqualTo(false);
      assertThat(eval("States.ArrayContains($.items, $.items[1])")).isEqualTo(true);
      assertThat(eval("States.ArrayContains($.numbers, null)")).isEqualTo(false);
    }

    @Test
    void containsFailsOnNonArray() {
      assertIntrinsicFailure(() -> eval("States.ArrayContains($.person, 1)"), "must be an array");
    }

    @Test
    void rangeIncludesBothEnds() {
      assertThat(eval("States.ArrayRange(1, 9, 2)")).isEqualTo(List.of(1, 3, 5, 7, 9));
      assertThat(eval("States.ArrayRange(0, 10, 3)")).isEqualTo(List.of(0, 3, 6, 9));
      assertThat(eval("States.ArrayRange(5, 1, -2)")).isEqualTo(List.of(5, 3, 1));
      assertThat(eval("States.ArrayRange(5, 4, 2)")).isEqualTo(List.of());
    }

    @Test
    void rangeFailures() {
      assertIntrinsicFailure(() -> eval("States.ArrayRange(1, 5, 0)"), "step must not be 0");
      assertIntrinsicFailure(() -> eval("States.ArrayRange(1, 1001, 1)"), "1001 items");
      assertThat((List<?>) eval("States.ArrayRange(1, 1000, 1)")).hasSize(1000);
    }

    @Test
    void getItem() {
      assertThat(eval("States.ArrayGetItem($.numbers, 0)")).isEqualTo(1);
      assertThat(eval("States.ArrayGetItem($.items, 1)")).isEqualTo(Map.of("id", "y", "n", 2));
    }

    @Test
    void getItemFailures() {
      assertIntrinsicFailure(() -> eval("States.ArrayGetItem($.numbers, 3)"), "out of bounds");
      assertIntrinsicFailure(() -> eval("States.ArrayGetItem($.numbers, -1)"), "out of bounds");
      assertIntrinsicFailure(
          () -> eval("States.ArrayGetItem($.numbers, 1.5)"), "must be an integer");
      assertIntrinsicFailure(
          () -> eval("States.ArrayGetItem($.numbers, '1')"), "must be an integer");
    }

    @Test
    void length() {
      assertThat(eval("States.ArrayLength($.numbers)")).isEqualTo(3);
      assertIntrinsicFailure(() -> eval("States.ArrayLength($.name)"), "must be an array");
    }

    @Test
    void uniqueKeepsFirstOccurrences() {
      Object input = Json.parse("{\"a\": [1, 2, 1.0, {\"k\": 1}, \"2\", {\"k\": 1}, null, null]}");
      assertThat(eval("States.ArrayUnique($.a)", input))
          .isEqualTo(java.util.Arrays.asList(1, 2, Map.of("k", 1), "2", null));
      assertIntrinsicFailure(() -> eval("States.ArrayUnique('x')"), "must be an array");
    }
  }

  @Nested
  class Encoding {
    @Test
    void base64RoundTrip() {
      assertThat(eval("States.Base64Encode('Hello, wörld')")).isEqualTo("SGVsbG8sIHfDtnJsZA==");
      assertThat(eval("States.Base64Decode('SGVsbG8sIHfDtnJsZA==')")).isEqualTo("Hello, wörld");
      assertThat(eval("States.Base64Encode('')")).isEqualTo("");
    }

    @Test
    void base64Failures() {
      assertIntrinsicFailure(() -> eval("States.Base64Decode('not base64!')"), "not valid Base64");
      assertIntrinsicFailure(() -> eval("States.Base64Encode(1)"), "must be a string");
      assertIntrinsicFailure(
          () -> eval("States.Base64Encode($.s)", Map.of("s", "x".repeat(10_001))),
          "more than the maximum of 10000");
    }

    @Test
    void hashWithEveryAlgorithm() {
      assertThat(eval("States.Hash('abc', 'MD5')")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
      assertThat(eval("States.Hash('abc', 'SHA-1')"))
          .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
      assertThat(eval("States.Hash('abc', 'SHA-256')"))
          .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
      assertThat((String) eval("States.Hash('abc', 'SHA-384')")).hasSize(96).startsWith("cb00753f");
      assertThat((String) eval("States.Hash('abc', 'SHA-512')"))
          .hasSize(128)
          .startsWith("ddaf35a1");
    }

    @Test
    void hashFailures() {
      assertIntrinsicFailure(
          () -> eval("States.Hash('abc', 'sha-256')"), "algorithm must be one of");
      assertIntrinsicFailure(() -> eval("States.Hash($.numbers, 'MD5')"), "must be a string");
    }
  }

  @Nested
  class MathAndIds {
    @Test
    void mathAddOfIntegers() {
      assertThat(eval("States.MathAdd(-9, 3)")).isEqualTo(-6);
      assertThat(eval("States.MathAdd(2147483647, 1)")).isEqualTo(2147483648L);
    }

    @Test
    void mathAddRoundsEachArgumentHalfUp() {
      assertThat(eval("States.MathAdd(1.49, 1.5)")).isEqualTo(3);
      assertThat(eval("States.MathAdd(-1.5, 0)")).isEqualTo(-1);
      assertThat(eval("States.MathAdd(-0.5, 0.5)")).isEqualTo(1);
      assertThat(eval("States.MathAdd(-2.5, -1.51)")).isEqualTo(-4);
    }

    @Test
    void mathAddFailures() {
      assertIntrinsicFailure(() -> eval("States.MathAdd('1', 2)"), "must be a number");
      assertIntrinsicFailure(() -> eval("States.MathAdd(2147483648, 0)"), "between -2147483648");
    }

    @Test
    void mathRandomStaysInRange() {
      for (int i = 0; i < 50; i++) {
        assertThat((Integer) eval("States.MathRandom(-3, 3)")).isBetween(-3, 2);
      }
    }

    @Test
    void mathRandomWithSeedIsRepeatable() {
      Object first = eval("States.MathRandom(0, 1000000, 7)");
      assertThat(eval("States.MathRandom(0, 1000000, 7)")).isEqualTo(first);
    }

    @Test
    void mathRandomFailures() {
      assertIntrinsicFailure(() -> eval("States.MathRandom(5, 1)"), "less than the start");
      assertIntrinsicFailure(() -> eval("States.MathRandom($.name, 1)"), "must be a number");
    }

    @Test
    void uuidIsRandomVersion4() {
      String uuid = (String) eval("States.UUID()");
      assertThat(uuid)
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(eval("States.UUID()")).isNotEqualTo(uuid);
    }
  }

  @Nested
  class StringSplit {
    @Test
    void splitsOnEachDelimiterCharacterAndDropsEmptyPieces() {
      assertThat(eval("States.StringSplit('This.is+a,test=string', '.+,=')"))
          .isEqualTo(List.of("This", "is", "a", "test", "string"));
      assertThat(eval("States.StringSplit(', , ,', ',')")).isEqualTo(List.of(" ", " "));
      assertThat(eval("States.StringSplit(',,,', ',')")).isEqualTo(List.of());
    }

    @Test
    void splitFailures() {
      assertIntrinsicFailure(() -> eval("States.StringSplit($.numbers, ',')"), "must be a string");
    }
  }

  @Nested
  class Validation {
    @Test
    void validExpressionHasNoDiagnostics() {
      assertThat(diagnostics("States.Format('{} {}', $.a, States.Array($$.Execution.Id, $v.x))"))
          .isEmpty();
    }

    @Test
    void syntaxError() {
      assertThat(diagnostics("States.Array('a',)"))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.code()).isEqualTo(IntrinsicFunctions.INVALID_INTRINSIC_FUNCTION);
                assertThat(d.location()).isEqualTo("/States/A/Parameters/x.$");
                assertThat(d.message()).contains("Expected an argument");
              });
    }

    @Test
    void invalidEscapeAndUnterminatedString() {
      assertThat(diagnostics("States.Array('\\n')"))
          .singleElement()
          .satisfies(d -> assertThat(d.message()).contains("Invalid escape sequence"));
      assertThat(diagnostics("States.Array('abc)"))
          .singleElement()
          .satisfies(d -> assertThat(d.message()).contains("Unterminated string"));
    }

    @Test
    void unknownFunction() {
      assertThat(diagnostics("States.Array(States.Upper('a'))"))
          .singleElement()
          .satisfies(
              d -> assertThat(d.message()).contains("Unknown intrinsic function 'States.Upper'"));
    }

    @Test
    void wrongArgumentCounts() {
      assertThat(diagnostics("States.MathAdd(1)"))
          .singleElement()
          .satisfies(
              d -> assertThat(d.message()).contains("takes exactly 2 arguments but was given 1"));
      assertThat(diagnostics("States.UUID(1)"))
          .singleElement()
          .satisfies(d -> assertThat(d.message()).contains("takes no arguments"));
      assertThat(diagnostics("States.MathRandom(1, 2, 3, 4)"))
          .singleElement()
          .satisfies(d -> assertThat(d.message()).contains("takes 2 to 3 arguments"));
      assertThat(diagnostics("States.Format()"))
          .singleElement()
          .satisfies(d -> assertThat(d.message()).contains("takes at least 1 argument"));
    }

    @Test
    void formatPlaceholdersMustMatchValues() {
      assertThat(diagnostics("States.Format('{} and {}', $.a)"))
          .singleElement()
          .satisfies(d -> assertThat(d.message()).contains("has 2 placeholders but 1 values"));
      assertThat(diagnostics("States.Format('\\{} and {}', $.a)")).isEmpty();
      assertThat(diagnostics("States.Format($.template, $.a, $.b)")).isEmpty();
    }

    @Test
    void invalidPathArgument() {
      assertThat(diagnostics("States.Array($.a['b)"))
          .singleElement()
          .satisfies(d -> assertThat(d.message()).contains("Unterminated path"));
      assertThat(diagnostics("States.Array($.a..)"))
          .singleElement()
          .satisfies(d -> assertThat(d.message()).contains("'$.a..' is not a valid JSONPath"));
    }

    @Test
    void tooDeeplyNested() {
      String ten = "States.Array(".repeat(10) + ")".repeat(10);
      assertThat(diagnostics(ten)).isEmpty();
      assertThat(diagnostics("States.Array(" + ten + ")"))
          .singleElement()
          .satisfies(d -> assertThat(d.message()).contains("More than 10"));
    }

    @Test
    void everyProblemIsReported() {
      assertThat(diagnostics("States.Array(States.Nope(), States.ArrayLength())")).hasSize(2);
    }
  }

  @org.junit.jupiter.api.Test
  void uuidAndRandomDrawFromTheGivenRandomSource() {
    var first =
        new dev.stepwise.asl.path.Bindings(
            java.util.Map.of(),
            java.util.Map.of(),
            java.util.Map.of(),
            new java.util.SplittableRandom(7));
    var second =
        new dev.stepwise.asl.path.Bindings(
            java.util.Map.of(),
            java.util.Map.of(),
            java.util.Map.of(),
            new java.util.SplittableRandom(7));
    Object uuid = IntrinsicFunctions.evaluate("States.UUID()", first);
    org.assertj.core.api.Assertions.assertThat(uuid)
        .isEqualTo(IntrinsicFunctions.evaluate("States.UUID()", second));
    org.assertj.core.api.Assertions.assertThat((String) uuid)
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    org.assertj.core.api.Assertions.assertThat(
            IntrinsicFunctions.evaluate("States.MathRandom(1, 1000)", first))
        .isEqualTo(IntrinsicFunctions.evaluate("States.MathRandom(1, 1000)", second));
  }
}
