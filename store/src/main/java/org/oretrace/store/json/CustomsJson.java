package org.oretrace.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.oretrace.core.Country;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.customs.Declaration;
import org.oretrace.core.customs.Declaration.DeclaredLot;
import org.oretrace.core.customs.Reason;
import org.oretrace.core.customs.Verdict;

/**
 * The JSON form of customs checks (docs/customs.md): a declaration {@code {"exporter",
 * "destination", "lots": [{"lot", "massGrams"}]}} and the verdict {@code {"verdict": "go"|"no-go",
 * "reasons": [{"code", "subject", "message"}], "originSites": [...]}}.
 */
public final class CustomsJson {

  private CustomsJson() {}

  public static Declaration decodeDeclaration(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    Declaration declaration = null;
    if (fields.ok()) {
      fields.rejectUnknown(Set.of("exporter", "destination", "lots"));
      String exporter = fields.id("exporter");
      Country destination = fields.country("destination");
      List<DeclaredLot> lots = new ArrayList<>();
      List<JsonNode> lotNodes = fields.array("lots");
      if (lotNodes != null) {
        for (int index = 0; index < lotNodes.size(); index++) {
          FieldReader lot = fields.element(lotNodes.get(index), "lots/" + index);
          if (!lot.ok()) {
            continue;
          }
          lot.rejectUnknown(Set.of("lot", "massGrams"));
          String lotId = lot.id("lot");
          Long mass = lot.wholeNumber("massGrams", 1);
          if (lot.ok()) {
            lots.add(new DeclaredLot(lotId, mass));
          }
        }
      }
      if (fields.ok()) {
        declaration =
            fields.convert(
                "lots", lots, declared -> new Declaration(exporter, destination, declared));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return declaration;
  }

  public static ObjectNode encode(Verdict verdict) {
    ObjectNode node = Json.object();
    node.put("verdict", verdict.go() ? "go" : "no-go");
    ArrayNode reasons = node.putArray("reasons");
    for (Reason reason : verdict.reasons()) {
      ObjectNode item = reasons.addObject();
      item.put("code", reason.code().wireName());
      item.put("subject", reason.subject());
      item.put("message", reason.message());
    }
    ArrayNode origins = node.putArray("originSites");
    verdict.originSiteIds().forEach(origins::add);
    return node;
  }
}
