package dev.stepwise.asl.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPathQueryTests {

  @Test
  void readsInputAndContextPaths() {
    var input = Map.of("a", Map.of("b", 1));
    var context = Map.of("Execution", Map.of("Id", "x"));
    assertThat(JsonPathQuery.read("$.a.b", input, context)).isEqualTo(1);
    assertThat(JsonPathQuery.read("$$.Execution.Id", input, context)).isEqualTo("x");
  }

  @Test
  void aMissingDefinitePathFails() {
    assertThatThrownBy(() -> JsonPathQuery.read("$.nope", Map.of(), Map.of()))
        .isInstanceOf(PathNotFound.class);
  }

  @Test
  void aWildcardOverNothingSelectsAnEmptyArray() {
    assertThat(JsonPathQuery.read("$.items[*]", Map.of(), Map.of())).isEqualTo(List.of());
  }

  @Test
  void keepsBackslashesInQuotedNamesLiterally() {
    var input = Map.of("Test\\\"\"Name\"", "literal", "Test\"\"Name\"", "unescaped");
    assertThat(JsonPathQuery.read("$['Test\\\"\"Name\"']", input, Map.of())).isEqualTo("literal");
  }

  @Test
  void anEscapedQuoteStillEscapes() {
    assertThat(JsonPathQuery.read("$['it\\'s']", Map.of("it's", 1), Map.of())).isEqualTo(1);
  }

  @Test
  void tellsValidPathsFromInvalidOnes() {
    assertThat(JsonPathQuery.isValid("$.a[0].b")).isTrue();
    assertThat(JsonPathQuery.isValid("$$.Map.Item.Value")).isTrue();
    assertThat(JsonPathQuery.isValid("a.b")).isFalse();
    assertThat(JsonPathQuery.isValid("$.a.")).isFalse();
  }
}
