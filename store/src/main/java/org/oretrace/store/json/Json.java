package org.oretrace.store.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import org.oretrace.core.InvalidInputException;

/**
 * The one JSON configuration of Oretrace, shared by the API, the store's payload columns, the
 * simulator's files and the command line: numbers with a fraction read as exact decimals, times as
 * ISO 8601 text, trailing garbage refused.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Parses JSON text, turning a syntax error into bad input with its line and column. */
  public static JsonNode parse(byte[] body) {
    return parse(body, false);
  }

  /**
   * Parses JSON whose objects may repeat a name, the last value winning as in JavaScript's
   * JSON.parse. Only for documents of outside standards whose published examples do so (GS1's EPCIS
   * examples); Oretrace's own formats refuse repeated names.
   */
  public static JsonNode parseAllowingRepeatedNames(byte[] body) {
    return parse(body, true);
  }

  private static JsonNode parse(byte[] body, boolean allowRepeatedNames) {
    try {
      if (!allowRepeatedNames) {
        return MAPPER.readTree(body);
      }
      try (JsonParser parser = MAPPER.getFactory().createParser(body)) {
        parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return MAPPER.readTree(parser);
      }
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw InvalidInputException.of(
          "", "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  public static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
