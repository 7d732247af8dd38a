package org.oretrace.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.WatchListEntry;

/** A watch-list entry in its wire and storage form: its fields by name, lists as arrays. */
public final class WatchListJson {

  private WatchListJson() {}

  public static ObjectNode encode(WatchListEntry entry) {
    ObjectNode node = Json.object();
    node.put("source", entry.source());
    node.put("reference", entry.reference());
    node.put("type", entry.type().name().toLowerCase(java.util.Locale.ROOT));
    strings(node.putArray("names"), entry.names());
    strings(node.putArray("datesOfBirth"), entry.datesOfBirth());
    strings(node.putArray("nationalities"), entry.nationalities());
    strings(node.putArray("addresses"), entry.addresses());
    strings(node.putArray("programmes"), entry.programmes());
    return node;
  }

  public static WatchListEntry decode(JsonNode node) {
    return new WatchListEntry(
        node.path("source").asText(),
        node.path("reference").asText(),
        EntityType.valueOf(node.path("type").asText().toUpperCase(java.util.Locale.ROOT)),
        strings(node.path("names")),
        strings(node.path("datesOfBirth")),
        strings(node.path("nationalities")),
        strings(node.path("addresses")),
        strings(node.path("programmes")));
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
