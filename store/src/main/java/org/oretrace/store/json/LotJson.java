package org.oretrace.store.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oretrace.core.custody.Lot;

/** The JSON form of a lot's current state. */
public final class LotJson {

  private LotJson() {}

  public static ObjectNode encode(Lot lot) {
    ObjectNode node = Json.object();
    node.put("id", lot.id());
    node.put("tagNumber", lot.tagNumber());
    node.put("mineral", lot.mineral().wireName());
    node.put("hsCode", lot.harmonizedSystemCode());
    node.put("massGrams", lot.massGrams());
    EventJson.putGrade(node, "grade", lot.grade());
    if (lot.originSiteId() != null) {
      node.put("originSite", lot.originSiteId());
    }
    node.put("holder", lot.holderId());
    node.put("state", lot.state().wireName());
    node.put("createdAt", lot.createdAt().toString());
    node.put("updatedAt", lot.updatedAt().toString());
    return node;
  }
}
