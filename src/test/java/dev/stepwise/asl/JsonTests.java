package dev.stepwise.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values are read without loss (or refused) and written as before. */
class JsonTests {

  @Test
  void numbersThatFitPrintAsBefore() {
    String text =
        "{\"a\":1,\"b\":1.5,\"c\":1.0E10,\"d\":12345678901234567890,\"e\":-0.0,\"f\":0.1,"
            + "\"g\":4.9E-324,\"h\":9223372036854775807,\"i\":0.0,\"j\":0}";

    Object value = Json.parse(text);

    assertThat(Json.write(value)).isEqualTo(text);
    assertThat(((Map<?, ?>) value).get("d")).isEqualTo(new BigInteger("12345678901234567890"));
    assertThat(((Map<?, ?>) value).get("a")).isEqualTo(1);
  }

  @Test
  void numbersADoubleCannotHoldAreRefused() {
    for (String number : List.of("1e400", "-1e309", "1e-400", "0.000e-999999", "[2.5E-400]")) {
      boolean zero = number.startsWith("0.000");
      if (zero) {
        assertThat(Json.parse(number)).isEqualTo(0.0);
        continue;
      }
      assertThatThrownBy(() -> Json.parse(number))
          .as(number)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("out of range");
    }
  }

  @Test
  void numbersADoubleWouldRoundAreRefusedAndOthersKeepTheirText() {
    for (String number :
        List.of("0.12345678901234567890", "1.00000000000000001", "3.141592653589793238")) {
      assertThatThrownBy(() -> Json.parse(number))
          .as(number)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("more significant digits");
    }
    for (String number :
        List.of("0.1", "0.30000000000000004", "2.5", "1.0E10", "-0.0", "4.9E-324")) {
      assertThat(Json.write(Json.parse(number))).as(number).isEqualTo(number);
    }
    assertThat(Json.write(Json.parse("2.50"))).isEqualTo("2.5");
  }

  @Test
  void storedTextReadsBackAsTheValueThatWasWritten() {
    String text =
        "{\"a\":1,\"b\":1.5,\"c\":1.0E10,\"d\":12345678901234567890,\"e\":-0.0,\"f\":0.1,"
            + "\"g\":4.9E-324,\"h\":9223372036854775807,\"i\":[0.30000000000000004,null,true],"
            + "\"j\":{\"z\":\"x\\u0000\",\"y\":{}}}";
    Object value = Json.parse(text);

    Object stored = Json.parseStored(Json.write(value));

    assertThat(stored).isEqualTo(value);
    assertThat(Json.write(stored)).isEqualTo(text);
    assertThat(((Map<?, ?>) stored).get("d")).isInstanceOf(BigInteger.class);
    assertThat(((Map<?, ?>) stored).get("a")).isInstanceOf(Integer.class);
    assertThat(((Map<?, ?>) stored).get("h")).isInstanceOf(Long.class);
    assertThat(((Map<?, ?>) stored).get("b")).isInstanceOf(Double.class);
    assertThat(List.copyOf(((Map<?, ?>) ((Map<?, ?>) stored).get("j")).keySet()))
        .isEqualTo(List.of("z", "y"));
  }

  @Test
  void onlyTextFromOutsideIsCheckedForPrecision() {
    assertThatThrownBy(() -> Json.parse("0.12345678901234567890"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Json.parseStored("0.12345678901234567890")).isInstanceOf(Double.class);
    assertThatThrownBy(() -> Json.parseStored("{")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void treesRefuseThemToo() {
    assertThatThrownBy(() -> Json.mapper().readTree("{\"n\": 1e-999}"))
        .isInstanceOf(UnrepresentableNumberException.class);
    assertThat(Json.mapper().readTree("{\"n\": 1.5, \"m\": 7}").toString())
        .isEqualTo("{\"n\":1.5,\"m\":7}");
  }

  @Test
  void nulAndOtherControlCharactersRoundTrip() {
    String text = "{\"k\\u0000\":\"a\\u0000b\\u001F\"}";

    assertThat(Json.write(Json.parse(text))).isEqualTo(text);
  }

  @Test
  void valuesNestedTooDeeplyAreAPlainError() {
    Object deep = 1;
    for (int i = 0; i < Json.MAX_DEPTH + 5; i++) deep = List.of(deep);
    Object value = deep;

    assertThat(Json.write(value)).startsWith("[[[");
    assertThatThrownBy(() -> Json.writeValue(value))
        .isInstanceOf(Json.TooDeepException.class)
        .hasMessage("The value is nested deeper than the limit of " + Json.MAX_DEPTH + " levels");
    String tooDeep = "[".repeat(Json.STORED_DEPTH + 1) + "]".repeat(Json.STORED_DEPTH + 1);
    assertThatThrownBy(() -> Json.parse(tooDeep))
        .hasMessage("The JSON is nested deeper than the limit of " + Json.STORED_DEPTH + " levels");
  }
}
