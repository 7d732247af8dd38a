package org.oretrace.core.custody;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.Country;
import org.oretrace.core.Grade;
import org.oretrace.core.registry.Identifiers;
import org.oretrace.core.registry.Mineral;

/**
 * A fact in a lot's chain of custody. Every event has a {@link EventContext} (id, time, place,
 * actor, recorder) and names the lots it touches. The records validate their own shape (ids,
 * positive masses); whether an event fits the current state of the custody record (the lot exists
 * and is live, a split does not exceed its parent) is checked by {@link CustodyGraph}.
 *
 * <p>Masses are whole grams ({@code long}), so that balances are exact.
 */
public sealed interface CustodyEvent {

  EventContext context();

  EventType type();

  /** Every lot the event touches: the subject, the inputs, then the outputs. */
  List<String> lotIds();

  default String id() {
    return context().id();
  }

  /** Extraction and tagging of a new lot at a mine site. */
  record Tag(
      EventContext context,
      String lotId,
      String tagNumber,
      String siteId,
      Mineral mineral,
      long massGrams,
      Grade grade)
      implements CustodyEvent {
    public Tag {
      requireNonNull(context, "context is null");
      Identifiers.requireId(lotId, "lot");
      Identifiers.requireId(tagNumber, "tagNumber");
      Identifiers.requireId(siteId, "site");
      requireNonNull(mineral, "mineral is null");
      Masses.requirePositive(massGrams, "massGrams");
    }

    @Override
    public EventType type() {
      return EventType.TAG;
    }

    @Override
    public List<String> lotIds() {
      return List.of(lotId);
    }
  }

  /** A change of holder without movement (a sale, a hand-over at a depot). */
  record Transfer(EventContext context, String lotId, String toActorId) implements CustodyEvent {
    public Transfer {
      requireNonNull(context, "context is null");
      Identifiers.requireId(lotId, "lot");
      Identifiers.requireId(toActorId, "toActor");
    }

    @Override
    public EventType type() {
      return EventType.TRANSFER;
    }

    @Override
    public List<String> lotIds() {
      return List.of(lotId);
    }
  }

  /**
   * Dispatch of a lot to a consignee; the lot is in transit until received.
   *
   * @param transporterId the transporter carrying it, or null when the sender carries it
   */
  record Ship(EventContext context, String lotId, String consigneeId, String transporterId)
      implements CustodyEvent {
    public Ship {
      requireNonNull(context, "context is null");
      Identifiers.requireId(lotId, "lot");
      Identifiers.requireId(consigneeId, "consignee");
      if (transporterId != null) {
        Identifiers.requireId(transporterId, "transporter");
      }
    }

    @Override
    public EventType type() {
      return EventType.SHIP;
    }

    @Override
    public List<String> lotIds() {
      return List.of(lotId);
    }
  }

  /**
   * Receipt of a lot by the event's actor, who becomes its holder.
   *
   * @param massGrams the mass weighed on receipt, or 0 when it was not weighed
   */
  record Receive(EventContext context, String lotId, long massGrams) implements CustodyEvent {
    public Receive {
      requireNonNull(context, "context is null");
      Identifiers.requireId(lotId, "lot");
      Masses.requireNonNegative(massGrams, "massGrams");
    }

    @Override
    public EventType type() {
      return EventType.RECEIVE;
    }

    @Override
    public List<String> lotIds() {
      return List.of(lotId);
    }
  }

  /** A new lot created from others, with its own tag and mass. */
  record NewLot(String lotId, String tagNumber, long massGrams) {
    public NewLot {
      Identifiers.requireId(lotId, "lot");
      Identifiers.requireId(tagNumber, "tagNumber");
      Masses.requirePositive(massGrams, "massGrams");
    }
  }

  /** Division of a lot into parts; the parent ceases to exist. */
  record Split(EventContext context, String lotId, List<NewLot> parts) implements CustodyEvent {
    public Split {
      requireNonNull(context, "context is null");
      Identifiers.requireId(lotId, "lot");
      parts = List.copyOf(requireNonNull(parts, "parts is null"));
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("a split needs at least one part");
      }
    }

    @Override
    public EventType type() {
      return EventType.SPLIT;
    }

    @Override
    public List<String> lotIds() {
      List<String> ids = new ArrayList<>(parts.size() + 1);
      ids.add(lotId);
      parts.forEach(part -> ids.add(part.lotId()));
      return ids;
    }
  }

  /** Aggregation of lots of one mineral into a new lot; the inputs cease to exist. */
  record Merge(EventContext context, List<String> inputLotIds, NewLot output)
      implements CustodyEvent {
    public Merge {
      requireNonNull(context, "context is null");
      inputLotIds = List.copyOf(requireNonNull(inputLotIds, "inputLotIds is null"));
      requireNonNull(output, "output is null");
      if (inputLotIds.size() < 2) {
        throw new IllegalArgumentException("a merge needs at least two input lots");
      }
      inputLotIds.forEach(id -> Identifiers.requireId(id, "inputs"));
    }

    @Override
    public EventType type() {
      return EventType.MERGE;
    }

    @Override
    public List<String> lotIds() {
      List<String> ids = new ArrayList<>(inputLotIds);
      ids.add(output.lotId());
      return ids;
    }
  }

  /**
   * One input of a processing step.
   *
   * @param massGrams the mass consumed; 0 means the whole lot
   */
  record ProcessInput(String lotId, long massGrams) {
    public ProcessInput {
      Identifiers.requireId(lotId, "lot");
      Masses.requireNonNegative(massGrams, "massGrams");
    }
  }

  /**
   * One output of a processing step.
   *
   * @param grade the output's grade, or null when not yet assayed
   */
  record ProcessOutput(
      String lotId, String tagNumber, Mineral mineral, long massGrams, Grade grade) {
    public ProcessOutput {
      Identifiers.requireId(lotId, "lot");
      Identifiers.requireId(tagNumber, "tagNumber");
      requireNonNull(mineral, "mineral is null");
      Masses.requirePositive(massGrams, "massGrams");
    }
  }

  /**
   * Processing (concentration, smelting, refining): inputs consumed, whole or in part, into new
   * output lots. Mass flows from every input to every output in proportion to the outputs' masses.
   */
  record Process(EventContext context, List<ProcessInput> inputs, List<ProcessOutput> outputs)
      implements CustodyEvent {
    public Process {
      requireNonNull(context, "context is null");
      inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
      outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
      if (inputs.isEmpty()) {
        throw new IllegalArgumentException("processing needs at least one input");
      }
      if (outputs.isEmpty()) {
        throw new IllegalArgumentException("processing needs at least one output");
      }
    }

    @Override
    public EventType type() {
      return EventType.PROCESS;
    }

    @Override
    public List<String> lotIds() {
      List<String> ids = new ArrayList<>(inputs.size() + outputs.size());
      inputs.forEach(input -> ids.add(input.lotId()));
      outputs.forEach(output -> ids.add(output.lotId()));
      return ids;
    }
  }

  /**
   * A laboratory assay of a lot's grade.
   *
   * @param fingerprint an optional geochemical or isotope fingerprint reference, or null
   */
  record Assay(
      EventContext context, String lotId, Grade grade, String laboratory, String fingerprint)
      implements CustodyEvent {
    public Assay {
      requireNonNull(context, "context is null");
      Identifiers.requireId(lotId, "lot");
      requireNonNull(grade, "grade is null");
      requireNonNull(laboratory, "laboratory is null");
      if (laboratory.isBlank()) {
        throw new IllegalArgumentException("laboratory is blank");
      }
    }

    @Override
    public EventType type() {
      return EventType.ASSAY;
    }

    @Override
    public List<String> lotIds() {
      return List.of(lotId);
    }
  }

  /**
   * Export of a lot across a border under a customs declaration.
   *
   * @param massGrams the declared mass, or 0 when the declaration states none
   */
  record Export(
      EventContext context,
      String lotId,
      String declarationNumber,
      Country destination,
      long massGrams)
      implements CustodyEvent {
    public Export {
      requireNonNull(context, "context is null");
      Identifiers.requireId(lotId, "lot");
      requireNonNull(declarationNumber, "declarationNumber is null");
      requireNonNull(destination, "destination is null");
      Masses.requireNonNegative(massGrams, "massGrams");
      if (declarationNumber.isBlank()) {
        throw new IllegalArgumentException("an export needs a customs declaration number");
      }
    }

    @Override
    public EventType type() {
      return EventType.EXPORT;
    }

    @Override
    public List<String> lotIds() {
      return List.of(lotId);
    }
  }

  /**
   * Import of a previously exported lot by the event's actor.
   *
   * @param origin the country of origin declared on import
   * @param massGrams the declared mass, or 0 when the declaration states none
   */
  record Import(
      EventContext context, String lotId, String declarationNumber, Country origin, long massGrams)
      implements CustodyEvent {
    public Import {
      requireNonNull(context, "context is null");
      Identifiers.requireId(lotId, "lot");
      requireNonNull(declarationNumber, "declarationNumber is null");
      requireNonNull(origin, "origin is null");
      Masses.requireNonNegative(massGrams, "massGrams");
      if (declarationNumber.isBlank()) {
        throw new IllegalArgumentException("an import needs a customs declaration number");
      }
    }

    @Override
    public EventType type() {
      return EventType.IMPORT;
    }

    @Override
    public List<String> lotIds() {
      return List.of(lotId);
    }
  }
}
