package dev.stepwise.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextColumnTests {

  @Test
  void anyStringRoundTripsWithoutNul() {
    for (String text : new String[] {"", "plain", "a\u0000b", "\"quoted\"", "\\", "é ☃ \n\t"}) {
      String column = TextColumn.encode(text);
      assertThat(column).doesNotContain("\u0000");
      assertThat(TextColumn.decode(column)).isEqualTo(text);
    }
    assertThat(TextColumn.encode(null)).isNull();
    assertThat(TextColumn.decode(null)).isNull();
  }

  @Test
  void aValueWrittenRawReadsAsItIs() {
    assertThat(TextColumn.decode("States.Runtime")).isEqualTo("States.Runtime");
    assertThat(TextColumn.decode("\"unterminated")).isEqualTo("\"unterminated");
    assertThat(TextColumn.decode("\"")).isEqualTo("\"");
  }
}
