package org.oretrace.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.field.Device;

/** Registered field devices and their public keys (docs/field-capture.md). */
public interface DeviceStore {

  /**
   * Registers a device. A device id is never reused, not even after revocation, so that what a
   * device signed stays attributable to one key.
   *
   * @return false, storing nothing, when a device with this id is already registered
   */
  boolean register(Device device);

  Optional<Device> device(String deviceId);

  /** Every device, ordered by id. */
  List<Device> devices();

  /** Stores the device's revocation; revoking a revoked or unknown device changes nothing. */
  void revoke(String deviceId, Instant when);
}
