package dev.stepwise.api;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.StrictJsonModule;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * The API's JSON: request bodies are read as strictly as the engine reads values (numbers a double
 * cannot hold are refused, nesting is limited), and a field of the wrong type is an error, never
 * converted ({"name": 123} is not the name "123").
 */
@Configuration(proxyBeanMethods = false)
class ApiJson {

  /** Bodies nest at most {@link Json#MAX_DEPTH}; answers wrap stored values in a few more. */
  @Bean
  JsonFactoryBuilderCustomizer stepwiseJsonLimits() {
    return factory ->
        factory
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(Json.MAX_DEPTH).build())
            .streamWriteConstraints(
                StreamWriteConstraints.builder().maxNestingDepth(Json.STORED_DEPTH).build());
  }

  @Bean
  JsonMapperBuilderCustomizer stepwiseStrictJson() {
    return mapper ->
        mapper
            .addModule(new StrictJsonModule())
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(
                LogicalType.Textual,
                text ->
                    text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
