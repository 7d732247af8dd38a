package org.oretrace.core.detection;

import java.util.List;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.Registry;

/**
 * D3 impossible-travel: for every event on an existing lot, the straight-line distance from the
 * place of the lot's previous event and the time between them give a speed; above {@link
 * DetectionParameters#maximumKilometresPerHour()} (or with the clock running backwards) the trip
 * could not have happened by road, so a time was forged (a backdated receipt) or a tag travelled
 * without its bag. Moves shorter than {@link DetectionParameters#minimumTravelKilometres()} are
 * ignored: within a town, GPS error and depot hand-overs would raise noise. A straight-line speed
 * understates the real one (roads wind), so the threshold errs towards silence. An import may
 * follow its export by air, so it is held to a cargo plane's speed instead.
 */
final class ImpossibleTravelDetector implements Detector {

  private final Registry registry;
  private final DetectionParameters parameters;

  ImpossibleTravelDetector(Registry registry, DetectionParameters parameters) {
    this.registry = registry;
    this.parameters = parameters;
  }

  @Override
  public DetectorId id() {
    return DetectorId.D3;
  }

  @Override
  public void observe(CustodyEvent event, LotBook book, List<Alert> alerts) {
    List<String> lots =
        switch (event) {
          case Tag tag -> List.of();
          case Split split -> List.of(split.lotId());
          case Merge merge -> merge.inputLotIds();
          case Process process -> process.inputs().stream().map(ProcessInput::lotId).toList();
          default -> event.lotIds();
        };
    GeoPoint here = event.context().place();
    long second = event.context().instant().getEpochSecond();
    for (String lotId : lots) {
      int row = book.row(lotId);
      if (row < 0) {
        continue;
      }
      double kilometres =
          here.distanceMetres(new GeoPoint(book.latitude(row), book.longitude(row))) / 1000;
      if (kilometres < parameters.minimumTravelKilometres()) {
        continue;
      }
      long seconds = second - book.lastSecond(row);
      double hours = seconds / 3600.0;
      double speed = seconds <= 0 ? Double.POSITIVE_INFINITY : kilometres / hours;
      double limit =
          event instanceof Import
              ? parameters.maximumImportKilometresPerHour()
              : parameters.maximumKilometresPerHour();
      if (speed <= limit) {
        continue;
      }
      boolean backwards = seconds <= 0;
      String sentence =
          "Lot "
              + lotId
              + " (tag "
              + book.tag(row)
              + ") was recorded by "
              + Wording.actor(registry, event.context().actorId())
              + " "
              + Wording.decimal(kilometres, 0)
              + " km from the place of its previous event ("
              + book.lastEventId(row)
              + ") "
              + (backwards
                  ? Wording.decimal(-hours, 1) + " hours before it"
                  : Wording.decimal(hours, 1)
                      + " hours after it: "
                      + Wording.decimal(speed, 0)
                      + " km/h in a straight line, where no road here allows more than "
                      + Wording.decimal(parameters.maximumKilometresPerHour(), 0)
                      + " km/h")
              + "; a time may be forged or the tag carried without its bag.";
      alerts.add(
          Finding.of(id(), event)
              .event(book.lastEventId(row))
              .lot(lotId)
              .actor(book.holder(row))
              .actor(event.context().actorId())
              .country(book.countryOf(event.context().actorId()))
              .figure("distanceKilometres", Wording.figure(kilometres, 1))
              .figure("hours", Wording.figure(hours, 2))
              .figure(
                  "kilometresPerHour", backwards ? Wording.figure(-1, 0) : Wording.figure(speed, 0))
              .score(
                  backwards
                      ? 1.0
                      : 0.6 + 0.4 * Math.min(1, speed / parameters.maximumKilometresPerHour() - 1))
              .explain(sentence));
      return;
    }
  }
}
