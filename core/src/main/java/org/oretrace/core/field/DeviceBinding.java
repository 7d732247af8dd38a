package org.oretrace.core.field;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Tag;

/**
 * What a device may sign for. A valid signature proves which device sent a batch; this rule decides
 * whether that device may say what the batch says: every event is performed by the device's actor
 * and recorded by the device itself ({@code recordedBy} is its id, so the ledger commits to which
 * device recorded each event), and every lot it tags is tagged at one of its sites. A phone handed
 * to a cooperative at one mine cannot vouch for a trader's purchases or for ore from another mine.
 */
public final class DeviceBinding {

  private DeviceBinding() {}

  /**
   * @throws InvalidInputException naming every event and field outside the device's binding
   */
  public static void check(Device device, List<CustodyEvent> events) {
    requireNonNull(device, "device is null");
    requireNonNull(events, "events is null");
    List<Violation> violations = new ArrayList<>();
    for (int item = 0; item < events.size(); item++) {
      CustodyEvent event = events.get(item);
      if (!event.context().actorId().equals(device.actorId())) {
        violations.add(
            Violation.of(
                item,
                "actor",
                "device "
                    + device.id()
                    + " records for actor "
                    + device.actorId()
                    + ", not "
                    + event.context().actorId()));
      }
      if (!event.context().recordedBy().equals(device.id())) {
        violations.add(
            Violation.of(
                item,
                "recordedBy",
                "an event signed by device " + device.id() + " must be recorded by it"));
      }
      if (event instanceof Tag tag && !device.siteIds().contains(tag.siteId())) {
        violations.add(
            Violation.of(
                item,
                "site",
                "device "
                    + device.id()
                    + " is bound to sites "
                    + String.join(", ", device.siteIds())
                    + ", not "
                    + tag.siteId()));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }
}
