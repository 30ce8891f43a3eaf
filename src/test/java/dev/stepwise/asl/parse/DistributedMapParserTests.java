package dev.stepwise.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.model.MapState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields of a distributed Map, and the diagnostics for those it does not take. */
class DistributedMapParserTests {
  private static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
  private static final String UNSUPPORTED = "UNSUPPORTED_FEATURE";
  private static final String DISTRIBUTED =
      "'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'STANDARD'},";

  /** A definition whose only state is Map state M with {@code fields} and {@code config}. */
  private static String map(String fields, String config) {
    return ("{'StartAt': 'M', 'States': {'M': {'Type': 'Map', 'End': true, "
            + fields
            + " 'ItemProcessor': {"
            + config
            + " 'StartAt': 'I', 'States': {'I': {'Type': 'Succeed'}}}}}}")
        .replace('\'', '"');
  }

  private static MapState valid(String fields, String config) {
    var result = AslParser.parse(map(fields, config));
    assertThat(result.diagnostics()).as("diagnostics").isEmpty();
    return (MapState) result.stateMachine().state("M");
  }

  private static List<Diagnostic> invalid(String fields, String config) {
    var result = AslParser.parse(map(fields, config));
    assertThat(result.valid()).as("valid").isFalse();
    return result.diagnostics();
  }

  @Test
  void readsEveryDistributedField() {
    var map =
        valid(
            "'Label': 'Each-1', 'MaxConcurrency': 5, 'ItemReader': {'ReaderConfig': {'MaxItems': 10}},"
                + " 'ItemBatcher': {'MaxItemsPerBatch': 3, 'MaxInputBytesPerBatch': 1024, 'BatchInput': {'a.$': '$.a'}},"
                + " 'ToleratedFailureCount': 2, 'ToleratedFailurePercentage': 12.5,",
            DISTRIBUTED);

    var d = map.distributed();
    assertThat(d.label()).isEqualTo("Each-1");
    assertThat(d.maxItems()).isEqualTo(10L);
    assertThat(d.batcher().maxItems()).isEqualTo(3L);
    assertThat(d.batcher().maxBytes()).isEqualTo(1024L);
    assertThat(d.batcher().batchInput()).isNotNull();
    assertThat(d.toleratedFailureCount()).isEqualTo(2L);
    assertThat(d.toleratedFailurePercentage()).isEqualTo(12.5);
    assertThat(map.maxConcurrency()).isEqualTo(5);
  }

  @Test
  void readsThePathForms() {
    var d =
        valid(
                "'ItemReader': {'ReaderConfig': {'MaxItemsPath': '$.max'}},"
                    + " 'ItemBatcher': {'MaxItemsPerBatchPath': '$.batch', 'MaxInputBytesPerBatchPath': '$.bytes'},"
                    + " 'ToleratedFailureCountPath': '$.count', 'ToleratedFailurePercentagePath': '$.percent',",
                "'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'EXPRESS'},")
            .distributed();

    assertThat(d.maxItemsPath()).isEqualTo("$.max");
    assertThat(d.batcher().maxItemsPath()).isEqualTo("$.batch");
    assertThat(d.batcher().maxBytesPath()).isEqualTo("$.bytes");
    assertThat(d.toleratedFailureCountPath()).isEqualTo("$.count");
    assertThat(d.toleratedFailurePercentagePath()).isEqualTo("$.percent");
  }

  @Test
  void anInlineMapHasNoDistributedSettings() {
    assertThat(valid("", "").distributed()).isNull();
    assertThat(valid("", "'ProcessorConfig': {'Mode': 'INLINE'},").distributed()).isNull();
  }

  @Test
  void aJsonataDistributedMapTakesToleranceExpressions() {
    var result =
        AslParser.parse(
            map(
                "'QueryLanguage': 'JSONata', 'ToleratedFailureCount': '{% 1 + 1 %}',"
                    + " 'ItemBatcher': {'MaxItemsPerBatch': 2, 'BatchInput': {'x': '{% $states.input.x %}'}},",
                DISTRIBUTED));
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void refusesAnS3ItemReaderAsOutOfScope() {
    var diagnostics =
        invalid(
            "'ItemReader': {'Resource': 'arn:aws:states:::s3:getObject', 'Parameters': {'Bucket': 'b', 'Key': 'k'}},",
            DISTRIBUTED);
    assertThat(diagnostics)
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(tuple(UNSUPPORTED, "/States/M/ItemReader/Resource"));
    assertThat(diagnostics.getFirst().message()).contains("S3").contains("out of scope");
  }

  @Test
  void refusesAResultWriterAsOutOfScope() {
    var diagnostics =
        invalid("'ResultWriter': {'Resource': 'arn:aws:states:::s3:putObject'},", DISTRIBUTED);
    assertThat(diagnostics)
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(tuple(UNSUPPORTED, "/States/M/ResultWriter"));
    assertThat(diagnostics.getFirst().message()).contains("out of scope");
  }

  @Test
  void refusesToleratedFailuresInAnInlineMap() {
    var diagnostics = invalid("'ToleratedFailurePercentage': 10,", "");
    assertThat(diagnostics)
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(tuple(UNSUPPORTED, "/States/M/ToleratedFailurePercentage"));
    assertThat(diagnostics.getFirst().message()).contains("distributed Map");
  }

  @Test
  void reportsBadValues() {
    assertThat(
            invalid(
                "'ToleratedFailurePercentage': 101, 'ToleratedFailureCount': 1,"
                    + " 'ToleratedFailureCountPath': '$.c', 'Label': 'has space',"
                    + " 'ItemBatcher': {'BatchInput': {}},"
                    + " 'ItemReader': {'ReaderConfig': {'InputType': 'CSV'}},",
                DISTRIBUTED))
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactlyInAnyOrder(
            tuple(SCHEMA, "/States/M/Label"),
            tuple(SCHEMA, "/States/M/ToleratedFailurePercentage"),
            tuple(SCHEMA, "/States/M/ToleratedFailureCountPath"),
            tuple(SCHEMA, "/States/M/ItemBatcher"),
            tuple(SCHEMA, "/States/M/ItemReader/ReaderConfig/InputType"));
  }

  @Test
  void checksTheProcessorConfig() {
    assertThat(invalid("", "'ProcessorConfig': {'Mode': 'DISTRIBUTED'},"))
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(tuple(SCHEMA, "/States/M/ItemProcessor/ProcessorConfig/ExecutionType"));
    assertThat(invalid("", "'ProcessorConfig': {'Mode': 'REMOTE'},"))
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(tuple(SCHEMA, "/States/M/ItemProcessor/ProcessorConfig/Mode"));
    assertThat(invalid("", "'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'FAST'},"))
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(tuple(SCHEMA, "/States/M/ItemProcessor/ProcessorConfig/ExecutionType"));
  }
}
