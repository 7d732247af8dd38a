package org.oretrace.core.field;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.oretrace.core.registry.Identifiers;

/**
 * A registered field device (a phone, a tablet, a scale with a radio): its id, the public half of
 * the key it signs batches with, and what it may record for, an actor and one or more sites. A
 * revoked device keeps its record, so that the batches it signed before stay explainable, but its
 * new batches are refused.
 *
 * @param siteIds the mine sites where the device may tag lots
 * @param revokedAt when the device was revoked, or null while it is trusted
 */
public record Device(
    String id,
    String actorId,
    List<String> siteIds,
    DevicePublicKey publicKey,
    Instant registeredAt,
    Instant revokedAt) {

  public Device {
    Identifiers.requireId(id, "id");
    Identifiers.requireId(actorId, "actor");
    siteIds = List.copyOf(requireNonNull(siteIds, "siteIds is null"));
    if (siteIds.isEmpty()) {
      throw new IllegalArgumentException("a device is bound to at least one site");
    }
    siteIds.forEach(site -> Identifiers.requireId(site, "sites"));
    if (siteIds.stream().distinct().count() != siteIds.size()) {
      throw new IllegalArgumentException("sites lists a site twice");
    }
    requireNonNull(publicKey, "publicKey is null");
    requireNonNull(registeredAt, "registeredAt is null");
    if (revokedAt != null && revokedAt.isBefore(registeredAt)) {
      throw new IllegalArgumentException("a device cannot be revoked before it was registered");
    }
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** The same device, revoked at {@code when}; a revoked device keeps its first revocation. */
  public Device revokedAt(Instant when) {
    requireNonNull(when, "when is null");
    return revoked() ? this : new Device(id, actorId, siteIds, publicKey, registeredAt, when);
  }
}
