package org.oretrace.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oretrace.core.Country;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.detection.Severity;

/** The JSON form of an alert, as the API returns it and the store keeps it. */
public final class AlertJson {

  private AlertJson() {}

  public static ObjectNode encode(Alert alert) {
    ObjectNode node = Json.object();
    node.put("id", alert.id());
    node.put("detector", alert.detector().name());
    node.put("detectorName", alert.detector().slug());
    node.put("score", alert.score());
    node.put("severity", alert.severity().wireName());
    node.put("occurredAt", alert.occurredAt().toString());
    node.put("explanation", alert.explanation());
    ObjectNode figures = node.putObject("figures");
    alert.figures().forEach(figures::put);
    strings(node.putArray("events"), alert.eventIds());
    strings(node.putArray("lots"), alert.lotIds());
    strings(node.putArray("actors"), alert.actorIds());
    strings(node.putArray("sites"), alert.siteIds());
    strings(node.putArray("countries"), alert.countries().stream().map(Country::code).toList());
    return node;
  }

  /** Decodes an alert this class encoded (the store's own documents). */
  public static Alert decode(JsonNode node) {
    Map<String, BigDecimal> figures = new LinkedHashMap<>();
    node.get("figures")
        .properties()
        .forEach(entry -> figures.put(entry.getKey(), entry.getValue().decimalValue()));
    return new Alert(
        node.get("id").asText(),
        DetectorId.parse(node.get("detector").asText()),
        node.get("score").asDouble(),
        Severity.fromWireName(node.get("severity").asText()),
        Instant.parse(node.get("occurredAt").asText()),
        strings(node.get("events")),
        strings(node.get("lots")),
        strings(node.get("actors")),
        strings(node.get("sites")),
        strings(node.get("countries")).stream().map(Country::of).toList(),
        figures,
        node.get("explanation").asText());
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>(array.size());
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
