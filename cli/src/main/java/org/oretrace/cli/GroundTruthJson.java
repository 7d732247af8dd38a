package org.oretrace.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.oretrace.sim.GroundTruth;
import org.oretrace.store.json.Json;

/** The ground truth of a simulated world as {@code ground-truth.json}: one object per scheme. */
final class GroundTruthJson {

  private GroundTruthJson() {}

  static ObjectNode encode(GroundTruth truth) {
    ObjectNode root = Json.object();
    ArrayNode schemes = root.putArray("schemes");
    for (GroundTruth.Scheme scheme : truth.schemes()) {
      ObjectNode node = schemes.addObject();
      node.put("id", scheme.id());
      node.put("detector", scheme.detector().name());
      node.put("detectorName", scheme.detector().slug());
      node.put("description", scheme.description());
      node.put("completingEvent", scheme.completingEventId());
      node.put("detectableAt", scheme.detectableAt().toString());
      strings(node.putArray("lots"), scheme.lotIds());
      strings(node.putArray("actors"), scheme.actorIds());
      strings(node.putArray("sites"), scheme.siteIds());
      strings(node.putArray("countries"), scheme.countries());
      strings(node.putArray("events"), scheme.eventIds());
    }
    return root;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
