package dev.stepwise.aws;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StrictJsonModule;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The wire API's JSON. Requests are read as strictly as the REST API reads them (a field of the
 * wrong type is a {@code SerializationException}, never converted); members this server does not
 * know are ignored, as AWS ignores them. Answers leave out absent members (never {@code null}) and
 * write timestamps as AWS does: epoch seconds as a plain decimal, never {@code 1.7E9}.
 */
final class WireJson {
  private static final JsonMapper MAPPER = mapper();

  private WireJson() {}

  private static JsonMapper mapper() {
    var factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(Json.MAX_DEPTH).build())
            .streamWriteConstraints(
                StreamWriteConstraints.builder().maxNestingDepth(Json.STORED_DEPTH).build())
            .build();
    var timestamps = new SimpleModule("aws-timestamps");
    timestamps.addSerializer(Instant.class, new EpochSeconds());
    return JsonMapper.builder(factory)
        .addModule(new StrictJsonModule())
        .addModule(timestamps)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(
            LogicalType.Textual,
            text ->
                text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .changeDefaultPropertyInclusion(
            inclusion -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null))
        .build();
  }

  /** A request body as the operation's request record; an empty body is {@code {}}. */
  static <T> T read(byte[] body, Class<T> type) {
    try {
      JsonNode tree = body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
      if (tree == null || tree.isMissingNode()) tree = MAPPER.createObjectNode();
      if (!tree.isObject()) {
        throw new AwsError(AwsError.SERIALIZATION, "The request body must be a JSON object");
      }
      return MAPPER.treeToValue(tree, type);
    } catch (JacksonException e) {
      throw new AwsError(AwsError.SERIALIZATION, SerializationProblems.describe(e));
    }
  }

  /** A value this module stored as JSON text (attributes, tags). */
  static <T> T readStored(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }

  static String text(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static byte[] write(Object answer) {
    return MAPPER.writeValueAsBytes(answer);
  }

  /** Epoch seconds with milliseconds, as a plain decimal number: 1700000000.123. */
  static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli(), 3);
  }

  private static final class EpochSeconds extends ValueSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
      gen.writeNumber(epochSeconds(value).toPlainString());
    }
  }
}
