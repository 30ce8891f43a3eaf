package dev.stepwise.asl.intrinsic;

import static dev.stepwise.asl.intrinsic.IntrinsicFunctionsSupport.assertIntrinsicFailure;
import static dev.stepwise.asl.intrinsic.IntrinsicFunctionsSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The intrinsic functions on strings and JSON: States.Format, States.StringSplit, the JSON
 * conversions and merge, base64 and hashes.
 */
class IntrinsicFunctionsStringAndJsonTests {
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
}
