package org.oretrace.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.field.Device;
import org.oretrace.core.field.DevicePublicKey;

/**
 * The JSON form of a field device (docs/field-capture.md): {@code {"id", "actor", "sites": [...],
 * "publicKey": base64, "registeredAt", "revokedAt"?}}. A registration carries the first four; the
 * server sets the times.
 */
public final class DeviceJson {

  private DeviceJson() {}

  /** Decodes a registration, registered at {@code now}. */
  public static Device decodeRegistration(JsonNode node, Instant now) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    Device device = null;
    if (fields.ok()) {
      fields.rejectUnknown(Set.of("id", "actor", "sites", "publicKey"));
      String id = fields.id("id");
      String actor = fields.id("actor");
      List<JsonNode> siteNodes = fields.array("sites");
      List<String> sites = new ArrayList<>();
      if (siteNodes != null) {
        for (int index = 0; index < siteNodes.size(); index++) {
          if (siteNodes.get(index).isTextual()) {
            sites.add(siteNodes.get(index).textValue());
          } else {
            fields.fail("sites/" + index, "must be a site id");
          }
        }
      }
      String publicKeyText = fields.text("publicKey");
      DevicePublicKey publicKey =
          publicKeyText == null
              ? null
              : fields.convert("publicKey", publicKeyText, DevicePublicKey::parse);
      if (fields.ok()) {
        device =
            fields.convert("", id, value -> new Device(value, actor, sites, publicKey, now, null));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return device;
  }

  public static ObjectNode encode(Device device) {
    ObjectNode node = Json.object();
    node.put("id", device.id());
    node.put("actor", device.actorId());
    ArrayNode sites = node.putArray("sites");
    device.siteIds().forEach(sites::add);
    node.put("publicKey", device.publicKey().toString());
    node.put("registeredAt", device.registeredAt().toString());
    if (device.revokedAt() != null) {
      node.put("revokedAt", device.revokedAt().toString());
    }
    return node;
  }

  /** Reads a device stored by {@link #encode}. */
  public static Device decodeStored(JsonNode node) {
    List<String> sites = new ArrayList<>();
    node.get("sites").forEach(site -> sites.add(site.textValue()));
    JsonNode revoked = node.get("revokedAt");
    return new Device(
        node.get("id").textValue(),
        node.get("actor").textValue(),
        sites,
        DevicePublicKey.parse(node.get("publicKey").textValue()),
        Instant.parse(node.get("registeredAt").textValue()),
        revoked == null ? null : Instant.parse(revoked.textValue()));
  }
}
