package org.oretrace.core.detection;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.math.BigInteger;
import java.util.List;
import org.oretrace.core.custody.CustodyEvent;
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
import org.oretrace.core.custody.EventContext;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;

/**
 * What the detectors remember of every lot, kept up to date event by event: the last mass weighed,
 * the last grade known, the origin site, the holder, where and when the last event on it happened,
 * whom it was shipped to, and where it was first exported from.
 *
 * <p>Why not ask the custody graph: detection must also run over a world loaded from files with no
 * graph, replay a store at start-up, and see a lot as it was just before an event (the graph only
 * holds the latest state). Why columns of primitives: detection sees every event, and a national
 * record holds tens of millions of lots; one row index per lot and a column per field keeps that at
 * a few dozen bytes a lot with no object per lot, and no allocation per event but the row of a new
 * lot. Rows are never removed; a consumed lot keeps its last state.
 *
 * <p>Single writer: the engine calls {@link #apply} in event order, after the detectors looked.
 */
final class LotBook {

  static final long UNKNOWN_GRADE = -1;

  private final Registry registry;
  private final Object2IntOpenHashMap<String> rows = new Object2IntOpenHashMap<>();
  private final ObjectArrayList<String> ids = new ObjectArrayList<>();
  private final ObjectArrayList<String> tags = new ObjectArrayList<>();
  private final ObjectArrayList<Mineral> minerals = new ObjectArrayList<>();
  private final ObjectArrayList<String> origins = new ObjectArrayList<>();
  private final ObjectArrayList<String> holders = new ObjectArrayList<>();
  private final ObjectArrayList<String> consignees = new ObjectArrayList<>();
  private final ObjectArrayList<String> firstExportCountries = new ObjectArrayList<>();
  private final ObjectArrayList<String> lastEventIds = new ObjectArrayList<>();
  private final LongArrayList masses = new LongArrayList();
  private final LongArrayList grades = new LongArrayList();
  private final LongArrayList lastSeconds = new LongArrayList();
  private final DoubleArrayList latitudes = new DoubleArrayList();
  private final DoubleArrayList longitudes = new DoubleArrayList();
  private final IntArrayList exports = new IntArrayList();

  LotBook(Registry registry) {
    this.registry = registry;
    rows.defaultReturnValue(-1);
  }

  /** The lot's row, or -1 when no event created it. */
  int row(String lotId) {
    return rows.getInt(lotId);
  }

  String id(int row) {
    return ids.get(row);
  }

  String tag(int row) {
    return tags.get(row);
  }

  Mineral mineral(int row) {
    return minerals.get(row);
  }

  /** The site it was tagged at, or null when mixed from several. */
  String origin(int row) {
    return origins.get(row);
  }

  String holder(int row) {
    return holders.get(row);
  }

  /** Whom it was last shipped to, or null when it is not in transit. */
  String consignee(int row) {
    return consignees.get(row);
  }

  /** The country code it was first exported from, or null when never exported. */
  String firstExportCountry(int row) {
    return firstExportCountries.get(row);
  }

  int exports(int row) {
    return exports.getInt(row);
  }

  String lastEventId(int row) {
    return lastEventIds.get(row);
  }

  long mass(int row) {
    return masses.getLong(row);
  }

  /** The last grade known in parts per million, or {@link #UNKNOWN_GRADE}. */
  long grade(int row) {
    return grades.getLong(row);
  }

  long lastSecond(int row) {
    return lastSeconds.getLong(row);
  }

  double latitude(int row) {
    return latitudes.getDouble(row);
  }

  double longitude(int row) {
    return longitudes.getDouble(row);
  }

  void apply(CustodyEvent event) {
    EventContext context = event.context();
    switch (event) {
      case Tag tag ->
          add(
              tag.lotId(),
              tag.tagNumber(),
              tag.mineral(),
              tag.massGrams(),
              tag.grade() == null ? UNKNOWN_GRADE : tag.grade().partsPerMillion(),
              tag.siteId(),
              null,
              0,
              context);
      case Transfer transfer -> {
        int row = touch(transfer.lotId(), context);
        if (row >= 0) {
          holders.set(row, transfer.toActorId());
        }
      }
      case Ship ship -> {
        int row = touch(ship.lotId(), context);
        if (row >= 0) {
          consignees.set(row, ship.consigneeId());
        }
      }
      case Receive receive -> {
        int row = touch(receive.lotId(), context);
        if (row >= 0) {
          if (receive.massGrams() > 0) {
            masses.set(row, receive.massGrams());
          }
          holders.set(row, context.actorId());
          consignees.set(row, null);
        }
      }
      case Split split -> {
        int parent = touch(split.lotId(), context);
        if (parent >= 0) {
          for (NewLot part : split.parts()) {
            add(
                part.lotId(),
                part.tagNumber(),
                mineral(parent),
                part.massGrams(),
                grade(parent),
                origin(parent),
                firstExportCountry(parent),
                exports(parent),
                context);
          }
        }
      }
      case Merge merge -> {
        int[] inputs = rowsOf(merge.inputLotIds());
        if (inputs.length > 0) {
          add(
              merge.output().lotId(),
              merge.output().tagNumber(),
              mineral(inputs[0]),
              merge.output().massGrams(),
              weightedGrade(inputs),
              commonOrigin(inputs),
              null,
              0,
              context);
        }
        for (int input : inputs) {
          touchRow(input, context);
        }
      }
      case Process process -> {
        int[] inputs = rowsOf(process.inputs().stream().map(ProcessInput::lotId).toList());
        String origin = inputs.length == 0 ? null : commonOrigin(inputs);
        for (ProcessInput input : process.inputs()) {
          int row = touch(input.lotId(), context);
          if (row >= 0 && input.massGrams() > 0) {
            masses.set(row, Math.max(0, mass(row) - input.massGrams()));
          }
        }
        for (ProcessOutput output : process.outputs()) {
          add(
              output.lotId(),
              output.tagNumber(),
              output.mineral(),
              output.massGrams(),
              output.grade() == null ? UNKNOWN_GRADE : output.grade().partsPerMillion(),
              origin,
              null,
              0,
              context);
        }
      }
      case Assay assay -> {
        int row = touch(assay.lotId(), context);
        if (row >= 0) {
          grades.set(row, assay.grade().partsPerMillion());
        }
      }
      case Export export -> {
        int row = touch(export.lotId(), context);
        if (row >= 0) {
          if (exports(row) == 0) {
            firstExportCountries.set(row, countryOf(context.actorId()));
          }
          exports.set(row, exports(row) + 1);
        }
      }
      case Import anImport -> {
        int row = touch(anImport.lotId(), context);
        if (row >= 0) {
          if (anImport.massGrams() > 0) {
            masses.set(row, anImport.massGrams());
          }
          holders.set(row, context.actorId());
          consignees.set(row, null);
        }
      }
    }
  }

  /** The country code of an actor, or null when the registry does not know it. */
  String countryOf(String actorId) {
    return registry.actor(actorId).map(Actor::country).map(Object::toString).orElse(null);
  }

  private void add(
      String lotId,
      String tagNumber,
      Mineral mineral,
      long massGrams,
      long grade,
      String origin,
      String firstExportCountry,
      int exportCount,
      EventContext context) {
    int row = ids.size();
    rows.put(lotId, row);
    ids.add(lotId);
    tags.add(tagNumber);
    minerals.add(mineral);
    origins.add(origin);
    holders.add(context.actorId());
    consignees.add(null);
    firstExportCountries.add(firstExportCountry);
    lastEventIds.add(context.id());
    masses.add(massGrams);
    grades.add(grade);
    lastSeconds.add(context.instant().getEpochSecond());
    latitudes.add(context.place().latitude());
    longitudes.add(context.place().longitude());
    exports.add(exportCount);
  }

  private int touch(String lotId, EventContext context) {
    int row = row(lotId);
    if (row >= 0) {
      touchRow(row, context);
    }
    return row;
  }

  private void touchRow(int row, EventContext context) {
    lastSeconds.set(row, context.instant().getEpochSecond());
    latitudes.set(row, context.place().latitude());
    longitudes.set(row, context.place().longitude());
    lastEventIds.set(row, context.id());
  }

  private int[] rowsOf(List<String> lotIds) {
    return lotIds.stream().mapToInt(this::row).filter(row -> row >= 0).toArray();
  }

  private String commonOrigin(int[] inputs) {
    String origin = origin(inputs[0]);
    for (int input : inputs) {
      if (origin == null || !origin.equals(origin(input))) {
        return null;
      }
    }
    return origin;
  }

  private long weightedGrade(int[] inputs) {
    BigInteger metal = BigInteger.ZERO;
    long total = 0;
    for (int input : inputs) {
      if (grade(input) == UNKNOWN_GRADE) {
        return UNKNOWN_GRADE;
      }
      metal = metal.add(BigInteger.valueOf(grade(input)).multiply(BigInteger.valueOf(mass(input))));
      total += mass(input);
    }
    return total == 0 ? UNKNOWN_GRADE : metal.divide(BigInteger.valueOf(total)).longValueExact();
  }
}
