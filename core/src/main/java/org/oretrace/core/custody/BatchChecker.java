package org.oretrace.core.custody;

import it.unimi.dsi.fastutil.ints.IntList;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.oretrace.core.Grade;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;

/**
 * Checks one batch of custody events against the structural rules, in order, as if each event were
 * applied before the next: a batch may tag a lot and ship it. The lots the batch touches live in a
 * draft overlay over the lot table, which is never written here.
 *
 * <p>Structural rules refuse what cannot be true of a record: unknown lots, sites or actors; events
 * on a lot that was consumed; a split whose parts outweigh the parent; a second live lot with the
 * same tag; an export without declaration. What is possible but suspicious (a mass gain, a fast
 * trip, an over-producing site, a holder who was not the consignee) is accepted and left to
 * detection: a refused event would hide the very signal that exposes fraud.
 *
 * <p>Every failing event is reported, not just the first. An event whose lot was created by a
 * refused event of the same batch is reported as such, not as "unknown lot".
 *
 * <p>Batches checked but not yet stored (a pipeline checks the next batch while the writer stores
 * this one) lie between the table and the draft: {@code pending} holds, batch by batch ({@link
 * Overlay}), the latest state of every lot they touch, so a lot is looked up in the draft, then
 * there (newest batch first), then in the table. An event id is new when neither the store (asked
 * by the caller, {@code recorded}) nor a batch ahead holds it.
 */
final class BatchChecker {

  private final LotTable table;
  private final Registry registry;
  // The batches ahead, newest first: a lot's latest state is in the first that has it.
  private final List<Overlay> pending;
  private final Predicate<String> recorded;
  private final Map<String, Lot> draft = LinkedHashMap.newLinkedHashMap(2048);
  private final Map<String, List<String>> draftLotsByTag = HashMap.newHashMap(1024);
  private final Set<String> refusedLots = new HashSet<>();
  private final Set<String> eventIds = HashSet.newHashSet(1024);
  // The holder of each draft lot before this batch (null for a lot the batch creates), in the
  // draft's order: noted when the lot enters the draft, from the lookup that found it, so that
  // telling new and moved lots apart at the end looks nothing up again.
  private final List<String> holdersBefore = new ArrayList<>(2048);
  // The lots the current event found outside the draft (in a batch ahead or the table).
  private final List<Lot> foundOutsideDraft = new ArrayList<>(4);
  private final List<LineageEdge> edges = new ArrayList<>();
  private final List<Violation> violations = new ArrayList<>();
  private final List<Violation> eventViolations = new ArrayList<>();
  // Ids recorded before: reported, but the event is otherwise checked as if new, so that a batch
  // sent twice is told which of its events are stored without a cascade of consequences.
  private final List<Violation> recordedViolations = new ArrayList<>();
  private int item;
  // The time of the event being checked, as an instant: worked out once, not per lot it changes.
  private Instant eventTime;

  /**
   * A checker over the table as the batches {@code pendingBatches} (checked, in order, not yet
   * applied) will leave it.
   */
  BatchChecker(LotTable table, Registry registry, List<Overlay> pendingBatches) {
    this(table, registry, pendingBatches, id -> false);
  }

  /**
   * A checker as above that also refuses the event ids {@code recorded} holds (those already
   * stored) and those of the pending batches.
   */
  BatchChecker(
      LotTable table, Registry registry, List<Overlay> pendingBatches, Predicate<String> recorded) {
    this.table = table;
    this.registry = registry;
    this.pending = new ArrayList<>(pendingBatches);
    Collections.reverse(this.pending);
    this.recorded = recorded;
  }

  /**
   * This checker's draft as the overlay of the batch it accepted, for the checks behind it; only
   * once {@link #check} has returned, and the checker is not used afterwards.
   */
  Overlay overlay() {
    return new Overlay(draft, draftLotsByTag, eventIds);
  }

  /** The accepted batch, or the violations of every failing event when the list is non-empty. */
  AcceptedBatch check(List<CustodyEvent> events) {
    // One event's changes, edges and violations, cleared for each event rather than allocated:
    // what an event adds is copied out below before the next one starts.
    Map<String, Lot> changes = new LinkedHashMap<>();
    List<LineageEdge> eventEdges = new ArrayList<>();
    for (item = 0; item < events.size(); item++) {
      CustodyEvent event = events.get(item);
      eventViolations.clear();
      foundOutsideDraft.clear();
      changes.clear();
      eventEdges.clear();
      eventTime = event.context().instant();
      checkContext(event.context());
      switch (event) {
        case Tag tag -> checkTag(tag, changes);
        case Transfer transfer -> checkTransfer(transfer, changes);
        case Ship ship -> checkShip(ship, changes);
        case Receive receive -> checkReceive(receive, changes);
        case Split split -> checkSplit(split, changes, eventEdges);
        case Merge merge -> checkMerge(merge, changes, eventEdges);
        case Process process -> checkProcess(process, changes, eventEdges);
        case Assay assay -> checkAssay(assay, changes);
        case Export export -> checkExport(export, changes);
        case Import anImport -> checkImport(anImport, changes);
      }
      if (eventViolations.isEmpty()) {
        for (Lot lot : changes.values()) {
          putDraft(lot);
        }
        edges.addAll(eventEdges);
      } else {
        violations.addAll(eventViolations);
        createdLotIds(event).stream().filter(id -> lookup(id) == null).forEach(refusedLots::add);
      }
    }
    if (!recordedViolations.isEmpty()) {
      mergeRecordedViolations();
    }
    // Immutable sets built once from arrays (the record's copies of them are then no copies).
    String[] newLotIds = new String[draft.size()];
    String[] movedLotIds = new String[draft.size()];
    int newLots = 0;
    int movedLots = 0;
    int index = 0;
    for (Lot lot : draft.values()) {
      String holderBefore = holdersBefore.get(index++);
      if (holderBefore == null) {
        newLotIds[newLots++] = lot.id();
      } else if (!holderBefore.equals(lot.holderId())) {
        movedLotIds[movedLots++] = lot.id();
      }
    }
    return new AcceptedBatch(
        events,
        List.copyOf(draft.values()),
        Set.of(Arrays.copyOf(newLotIds, newLots)),
        Set.of(Arrays.copyOf(movedLotIds, movedLots)),
        edges);
  }

  List<Violation> violations() {
    return violations;
  }

  /**
   * Puts the ids already recorded among the other violations, by item, each before the other
   * violations of its item: the order the recorder reported them in when it checked ids itself.
   */
  private void mergeRecordedViolations() {
    List<Violation> merged = new ArrayList<>(recordedViolations.size() + violations.size());
    int other = 0;
    for (Violation recordedViolation : recordedViolations) {
      while (other < violations.size() && violations.get(other).item() < recordedViolation.item()) {
        merged.add(violations.get(other++));
      }
      merged.add(recordedViolation);
    }
    merged.addAll(violations.subList(other, violations.size()));
    violations.clear();
    violations.addAll(merged);
  }

  /** The lots an event brings into being (not the ones it merely names). */
  private static List<String> createdLotIds(CustodyEvent event) {
    return switch (event) {
      case Tag tag -> List.of(tag.lotId());
      case Split split -> split.parts().stream().map(NewLot::lotId).toList();
      case Merge merge -> List.of(merge.output().lotId());
      case Process process -> process.outputs().stream().map(ProcessOutput::lotId).toList();
      case Transfer transfer -> List.of();
      case Ship ship -> List.of();
      case Receive receive -> List.of();
      case Assay assay -> List.of();
      case Export export -> List.of();
      case Import anImport -> List.of();
    };
  }

  private void checkContext(EventContext context) {
    if (recorded.test(context.id()) || pendingEvent(context.id())) {
      recordedViolations.add(
          Violation.of(item, "id", "event " + context.id() + " is already recorded"));
    }
    if (!eventIds.add(context.id())) {
      refuse("id", "event id " + context.id() + " appears twice in this batch");
    }
    if (registry.actor(context.actorId()).isEmpty()) {
      refuse("actor", "unknown actor " + context.actorId());
    }
  }

  private void checkTag(Tag tag, Map<String, Lot> changes) {
    requireNewLot(tag.lotId(), "lot");
    requireFreeTag(tag.tagNumber(), "tagNumber");
    if (registry.site(tag.siteId()).isEmpty()) {
      refuse("site", "unknown site " + tag.siteId());
    }
    Instant time = eventTime;
    changes.put(
        tag.lotId(),
        new Lot(
            tag.lotId(),
            tag.tagNumber(),
            tag.mineral(),
            tag.massGrams(),
            tag.grade(),
            tag.siteId(),
            tag.context().actorId(),
            LotState.HELD,
            time,
            time));
  }

  private void checkTransfer(Transfer transfer, Map<String, Lot> changes) {
    Lot lot = requireLiveLot(transfer.lotId(), "lot");
    requireActor(transfer.toActorId(), "toActor");
    if (lot != null) {
      changes.put(lot.id(), with(lot, lot.massGrams(), transfer.toActorId(), lot.state()));
    }
  }

  private void checkShip(Ship ship, Map<String, Lot> changes) {
    Lot lot = requireLiveLot(ship.lotId(), "lot");
    requireActor(ship.consigneeId(), "consignee");
    if (ship.transporterId() != null) {
      requireActor(ship.transporterId(), "transporter");
    }
    if (lot != null) {
      changes.put(lot.id(), with(lot, lot.massGrams(), lot.holderId(), LotState.IN_TRANSIT));
    }
  }

  private void checkReceive(Receive receive, Map<String, Lot> changes) {
    Lot lot = requireLiveLot(receive.lotId(), "lot");
    if (lot != null) {
      long mass = receive.massGrams() > 0 ? receive.massGrams() : lot.massGrams();
      changes.put(lot.id(), with(lot, mass, receive.context().actorId(), LotState.HELD));
    }
  }

  private void checkSplit(Split split, Map<String, Lot> changes, List<LineageEdge> eventEdges) {
    Lot parent = requireLiveLot(split.lotId(), "lot");
    long total = 0;
    Set<String> tagsInEvent = new HashSet<>();
    for (int index = 0; index < split.parts().size(); index++) {
      NewLot part = split.parts().get(index);
      String field = "parts/" + index;
      requireNewLot(part.lotId(), field + "/lot");
      if (!tagsInEvent.add(part.tagNumber())) {
        refuse(field + "/tagNumber", "tag " + part.tagNumber() + " is given to two parts");
      }
      if (parent == null || !part.tagNumber().equals(parent.tagNumber())) {
        requireFreeTag(part.tagNumber(), field + "/tagNumber");
      }
      total = Math.addExact(total, part.massGrams());
      if (parent != null) {
        changes.put(
            part.lotId(),
            newLot(
                part.lotId(),
                part.tagNumber(),
                parent.mineral(),
                part.massGrams(),
                parent.grade(),
                parent.originSiteId(),
                split));
        eventEdges.add(edge(parent.id(), part.lotId(), part.massGrams(), split));
      }
    }
    if (parent != null && total > parent.massGrams()) {
      refuse(
          "parts",
          "the parts weigh "
              + total
              + " g, more than the "
              + parent.massGrams()
              + " g of lot "
              + parent.id());
    }
    if (parent != null) {
      changes.put(parent.id(), consumed(parent, parent.massGrams()));
    }
    if (split.parts().stream().map(NewLot::lotId).distinct().count() != split.parts().size()) {
      refuse("parts", "the same lot id is given to two parts");
    }
  }

  private void checkMerge(Merge merge, Map<String, Lot> changes, List<LineageEdge> eventEdges) {
    List<Lot> inputs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int index = 0; index < merge.inputLotIds().size(); index++) {
      String id = merge.inputLotIds().get(index);
      if (!seen.add(id)) {
        refuse("inputs/" + index, "lot " + id + " is listed twice");
        continue;
      }
      Lot input = requireLiveLot(id, "inputs/" + index);
      if (input != null) {
        inputs.add(input);
      }
    }
    NewLot output = merge.output();
    requireNewLot(output.lotId(), "output/lot");
    boolean reusesInputTag =
        inputs.stream().anyMatch(lot -> lot.tagNumber().equals(output.tagNumber()));
    if (!reusesInputTag) {
      requireFreeTag(output.tagNumber(), "output/tagNumber");
    }
    if (inputs.size() != merge.inputLotIds().size()) {
      return;
    }
    Mineral mineral = inputs.getFirst().mineral();
    if (inputs.stream().anyMatch(lot -> lot.mineral() != mineral)) {
      refuse("inputs", "a merge joins lots of one mineral; use a process event to mix minerals");
      return;
    }
    long inputMass = 0;
    for (Lot input : inputs) {
      inputMass = Math.addExact(inputMass, input.massGrams());
      changes.put(input.id(), consumed(input, input.massGrams()));
      eventEdges.add(edge(input.id(), output.lotId(), input.massGrams(), merge));
    }
    String origin = commonOrigin(inputs);
    changes.put(
        output.lotId(),
        newLot(
            output.lotId(),
            output.tagNumber(),
            mineral,
            output.massGrams(),
            weightedGrade(inputs, inputMass),
            origin,
            merge));
  }

  private void checkProcess(
      Process process, Map<String, Lot> changes, List<LineageEdge> eventEdges) {
    List<Lot> inputs = new ArrayList<>();
    long[] consumed = new long[process.inputs().size()];
    Set<String> seen = new HashSet<>();
    for (int index = 0; index < process.inputs().size(); index++) {
      ProcessInput input = process.inputs().get(index);
      String field = "inputs/" + index;
      if (!seen.add(input.lotId())) {
        refuse(field + "/lot", "lot " + input.lotId() + " is listed twice");
        continue;
      }
      Lot lot = requireLiveLot(input.lotId(), field + "/lot");
      if (lot == null) {
        continue;
      }
      long mass = input.massGrams() == 0 ? lot.massGrams() : input.massGrams();
      if (mass > lot.massGrams()) {
        refuse(
            field + "/massGrams",
            "consumes " + mass + " g but lot " + lot.id() + " holds " + lot.massGrams() + " g");
        continue;
      }
      consumed[inputs.size()] = mass;
      inputs.add(lot);
    }
    Set<String> outputIds = new HashSet<>();
    Set<String> outputTags = new HashSet<>();
    long outputMass = 0;
    for (int index = 0; index < process.outputs().size(); index++) {
      ProcessOutput output = process.outputs().get(index);
      String field = "outputs/" + index;
      requireNewLot(output.lotId(), field + "/lot");
      if (!outputIds.add(output.lotId())) {
        refuse(field + "/lot", "lot " + output.lotId() + " is given to two outputs");
      }
      if (!outputTags.add(output.tagNumber())) {
        refuse(field + "/tagNumber", "tag " + output.tagNumber() + " is given to two outputs");
      }
      requireFreeTag(output.tagNumber(), field + "/tagNumber");
      outputMass = Math.addExact(outputMass, output.massGrams());
    }
    if (!eventViolations.isEmpty()) {
      return;
    }
    String origin = commonOrigin(inputs);
    for (ProcessOutput output : process.outputs()) {
      changes.put(
          output.lotId(),
          newLot(
              output.lotId(),
              output.tagNumber(),
              output.mineral(),
              output.massGrams(),
              output.grade(),
              origin,
              process));
    }
    for (int index = 0; index < inputs.size(); index++) {
      Lot input = inputs.get(index);
      long mass = consumed[index];
      long remaining = input.massGrams() - mass;
      changes.put(
          input.id(),
          remaining == 0
              ? consumed(input, input.massGrams())
              : with(input, remaining, input.holderId(), input.state()));
      long allocated = 0;
      for (int outputIndex = 0; outputIndex < process.outputs().size(); outputIndex++) {
        ProcessOutput output = process.outputs().get(outputIndex);
        boolean last = outputIndex == process.outputs().size() - 1;
        long share = last ? mass - allocated : proportion(mass, output.massGrams(), outputMass);
        allocated += share;
        eventEdges.add(edge(input.id(), output.lotId(), share, process));
      }
    }
  }

  private void checkAssay(Assay assay, Map<String, Lot> changes) {
    Lot lot = requireLot(assay.lotId(), "lot");
    if (lot != null && lot.state() == LotState.CONSUMED) {
      refuse("lot", "lot " + lot.id() + " no longer exists: it was split, merged or processed");
    } else if (lot != null) {
      changes.put(
          lot.id(),
          withGrade(with(lot, lot.massGrams(), lot.holderId(), lot.state()), assay.grade()));
    }
  }

  private void checkExport(Export export, Map<String, Lot> changes) {
    Lot lot = requireLiveLot(export.lotId(), "lot");
    if (lot != null) {
      changes.put(lot.id(), with(lot, lot.massGrams(), lot.holderId(), LotState.EXPORTED));
    }
  }

  private void checkImport(Import anImport, Map<String, Lot> changes) {
    Lot lot = requireLot(anImport.lotId(), "lot");
    if (lot != null && lot.state() != LotState.EXPORTED) {
      refuse(
          "lot",
          "lot "
              + lot.id()
              + " is "
              + lot.state().wireName()
              + ", not exported: only an exported lot can be imported");
    } else if (lot != null) {
      long mass = anImport.massGrams() > 0 ? anImport.massGrams() : lot.massGrams();
      changes.put(lot.id(), with(lot, mass, anImport.context().actorId(), LotState.HELD));
    }
  }

  // ---- lookups and rules shared by the event checks

  private Lot lookup(String lotId) {
    Lot drafted = draft.get(lotId);
    if (drafted != null) {
      return drafted;
    }
    Lot found = pendingLot(lotId);
    if (found == null) {
      int row = table.row(lotId);
      found = row < 0 ? null : table.lot(row);
    }
    if (found != null) {
      foundOutsideDraft.add(found);
    }
    return found;
  }

  private Lot requireLot(String lotId, String field) {
    Lot lot = lookup(lotId);
    if (lot == null) {
      refuse(
          field,
          refusedLots.contains(lotId)
              ? "lot " + lotId + " was to be created by an event of this batch that was refused"
              : "unknown lot " + lotId);
    }
    return lot;
  }

  private Lot requireLiveLot(String lotId, String field) {
    Lot lot = requireLot(lotId, field);
    if (lot == null) {
      return null;
    }
    return switch (lot.state()) {
      case HELD, IN_TRANSIT -> lot;
      case CONSUMED -> {
        refuse(field, "lot " + lotId + " no longer exists: it was split, merged or processed");
        yield null;
      }
      case EXPORTED -> {
        refuse(field, "lot " + lotId + " was exported: record its import first");
        yield null;
      }
    };
  }

  private void requireNewLot(String lotId, String field) {
    if (lookup(lotId) != null) {
      refuse(field, "lot " + lotId + " already exists");
    }
  }

  /**
   * Refuses a tag number that a live lot carries: a stored lot that the batch has not ended, or a
   * lot the batch made or kept live.
   */
  private void requireFreeTag(String tagNumber, String field) {
    boolean live = false;
    IntList rows = table.liveRowsByTag(tagNumber);
    for (int index = 0; index < rows.size() && !live; index++) {
      Lot latest = overlaid(table.id(rows.getInt(index)));
      live = latest == null || latest.state().live();
    }
    for (Overlay batch : pending) {
      for (String lotId : batch.lotIdsByTag().getOrDefault(tagNumber, List.of())) {
        live |= overlaid(lotId).state().live();
      }
    }
    for (String lotId : draftLotsByTag.getOrDefault(tagNumber, List.of())) {
      live |= draft.get(lotId).state().live();
    }
    if (live) {
      refuse(field, "tag " + tagNumber + " is already on a live lot");
    }
  }

  /** The state of a lot in the draft or the pending batches, or null when only the table has it. */
  private Lot overlaid(String lotId) {
    Lot drafted = draft.get(lotId);
    return drafted != null ? drafted : pendingLot(lotId);
  }

  /**
   * The holder before this batch of a lot entering the draft: that of the state the event found
   * outside the draft, or null when it found none (the event creates the lot). Every event looks up
   * each existing lot it changes, so a lot it changes but did not find is one it creates.
   */
  private String holderBefore(String lotId) {
    for (Lot found : foundOutsideDraft) {
      if (found.id().equals(lotId)) {
        return found.holderId();
      }
    }
    return null;
  }

  /** Whether a batch ahead holds an event with this id. */
  private boolean pendingEvent(String eventId) {
    for (Overlay batch : pending) {
      if (batch.eventIds().contains(eventId)) {
        return true;
      }
    }
    return false;
  }

  /** The latest state of a lot among the batches ahead, or null. */
  private Lot pendingLot(String lotId) {
    for (Overlay batch : pending) {
      Lot lot = batch.lots().get(lotId);
      if (lot != null) {
        return lot;
      }
    }
    return null;
  }

  private void requireActor(String actorId, String field) {
    if (registry.actor(actorId).isEmpty()) {
      refuse(field, "unknown actor " + actorId);
    }
  }

  private void refuse(String field, String message) {
    eventViolations.add(Violation.of(item, field, message));
  }

  private void putDraft(Lot lot) {
    if (draft.put(lot.id(), lot) == null) {
      Overlay.addLotIdByTag(draftLotsByTag, lot);
      holdersBefore.add(holderBefore(lot.id()));
    }
  }

  // ---- building the new states

  private Lot with(Lot lot, long massGrams, String holder, LotState state) {
    return new Lot(
        lot.id(),
        lot.tagNumber(),
        lot.mineral(),
        massGrams,
        lot.grade(),
        lot.originSiteId(),
        holder,
        state,
        lot.createdAt(),
        latest(lot.updatedAt(), eventTime));
  }

  private static Lot withGrade(Lot lot, Grade grade) {
    return new Lot(
        lot.id(),
        lot.tagNumber(),
        lot.mineral(),
        lot.massGrams(),
        grade,
        lot.originSiteId(),
        lot.holderId(),
        lot.state(),
        lot.createdAt(),
        lot.updatedAt());
  }

  private Lot consumed(Lot lot, long massGrams) {
    return with(lot, massGrams, lot.holderId(), LotState.CONSUMED);
  }

  private Lot newLot(
      String id,
      String tag,
      Mineral mineral,
      long massGrams,
      Grade grade,
      String origin,
      CustodyEvent event) {
    Instant time = eventTime;
    return new Lot(
        id,
        tag,
        mineral,
        massGrams,
        grade,
        origin,
        event.context().actorId(),
        LotState.HELD,
        time,
        time);
  }

  private static LineageEdge edge(String from, String to, long massGrams, CustodyEvent event) {
    return new LineageEdge(from, to, massGrams, event.id(), event.type());
  }

  /** amount * numerator / denominator, rounded down, without overflow. */
  private static long proportion(long amount, long numerator, long denominator) {
    return BigInteger.valueOf(amount)
        .multiply(BigInteger.valueOf(numerator))
        .divide(BigInteger.valueOf(denominator))
        .longValueExact();
  }

  private static Instant latest(Instant first, Instant second) {
    return first.isAfter(second) ? first : second;
  }

  private static String commonOrigin(List<Lot> lots) {
    String origin = lots.getFirst().originSiteId();
    for (Lot lot : lots) {
      if (origin == null || !origin.equals(lot.originSiteId())) {
        return null;
      }
    }
    return origin;
  }

  private static Grade weightedGrade(List<Lot> lots, long totalMassGrams) {
    if (totalMassGrams == 0 || lots.stream().anyMatch(lot -> lot.grade() == null)) {
      return null;
    }
    BigInteger weighted = BigInteger.ZERO;
    for (Lot lot : lots) {
      weighted =
          weighted.add(
              BigInteger.valueOf(lot.grade().partsPerMillion())
                  .multiply(BigInteger.valueOf(lot.massGrams())));
    }
    return new Grade(weighted.divide(BigInteger.valueOf(totalMassGrams)).longValueExact());
  }
}
