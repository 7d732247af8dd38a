package org.oretrace.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
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
import org.oretrace.core.registry.Mineral;

/**
 * Random custody events of every type for property-style tests of the wire and ledger encodings:
 * optional fields present or absent, coordinates and grades across their ranges, masses up to and
 * beyond 2^53, times with odd offsets and fractions, and free texts with quotes, escapes, control
 * characters and non-ASCII characters (ids stay within the identifier rule, as records require).
 */
public final class GeneratedEvents {

  private static final List<Mineral> MINERALS = List.of(Mineral.values());
  private static final List<String> COUNTRIES = List.of("CD", "RW", "UG", "BI", "CN", "BE", "AE");

  private final SplittableRandom random;
  private int serial;

  public GeneratedEvents(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** {@code count} events, each of a random type. */
  public List<CustodyEvent> events(int count) {
    List<CustodyEvent> events = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      events.add(event());
    }
    return events;
  }

  public CustodyEvent event() {
    EventContext context = context();
    return switch (random.nextInt(10)) {
      case 0 ->
          new Tag(context, id("lot"), id("TAG"), id("site"), mineral(), mass(1), optionalGrade());
      case 1 -> new Transfer(context, id("lot"), id("actor"));
      case 2 -> new Ship(context, id("lot"), id("actor"), random.nextBoolean() ? id("tr") : null);
      case 3 -> new Receive(context, id("lot"), mass(0));
      case 4 -> {
        List<NewLot> parts = new ArrayList<>();
        for (int part = random.nextInt(1, 5); part > 0; part--) {
          parts.add(new NewLot(id("lot"), id("TAG"), mass(1)));
        }
        yield new Split(context, id("lot"), parts);
      }
      case 5 -> {
        List<String> inputs = new ArrayList<>();
        for (int input = random.nextInt(2, 6); input > 0; input--) {
          inputs.add(id("lot"));
        }
        yield new Merge(context, inputs, new NewLot(id("lot"), id("TAG"), mass(1)));
      }
      case 6 -> {
        List<ProcessInput> inputs = new ArrayList<>();
        for (int input = random.nextInt(1, 4); input > 0; input--) {
          inputs.add(new ProcessInput(id("lot"), mass(0)));
        }
        List<ProcessOutput> outputs = new ArrayList<>();
        for (int output = random.nextInt(1, 4); output > 0; output--) {
          outputs.add(new ProcessOutput(id("lot"), id("TAG"), mineral(), mass(1), optionalGrade()));
        }
        yield new Process(context, inputs, outputs);
      }
      case 7 ->
          new Assay(context, id("lot"), grade(), text(), random.nextBoolean() ? text() : null);
      case 8 -> new Export(context, id("lot"), text(), country(), mass(0));
      default -> new Import(context, id("lot"), text(), country(), mass(0));
    };
  }

  private EventContext context() {
    List<String> evidence = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      for (int digest = random.nextInt(1, 3); digest > 0; digest--) {
        byte[] bytes = new byte[32];
        for (int index = 0; index < bytes.length; index++) {
          bytes[index] = (byte) random.nextInt(256);
        }
        evidence.add(HexFormat.of().formatHex(bytes));
      }
    }
    return new EventContext(id("ev"), time(), place(), id("actor"), text(), evidence);
  }

  private OffsetDateTime time() {
    OffsetDateTime time =
        OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
            .plusSeconds(random.nextLong(0, 200_000_000L));
    if (random.nextInt(3) == 0) {
      time = time.plusNanos(random.nextInt(1_000_000_000));
    }
    ZoneOffset offset =
        switch (random.nextInt(4)) {
          case 0 -> ZoneOffset.UTC;
          case 1 -> ZoneOffset.ofHours(2);
          case 2 -> ZoneOffset.ofHoursMinutes(-3, -30);
          default -> ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600 + 1));
        };
    return time.withOffsetSameInstant(offset);
  }

  private GeoPoint place() {
    return switch (random.nextInt(6)) {
      case 0 -> new GeoPoint(random.nextDouble(-90, 90), random.nextDouble(-180, 180));
      case 1 -> new GeoPoint(random.nextInt(-90, 91), random.nextInt(-180, 181));
      case 2 -> new GeoPoint(-0.0, 0.0);
      case 3 -> new GeoPoint(Math.scalb(random.nextDouble(), -random.nextInt(1, 1074)), 1e-7);
      case 4 ->
          new GeoPoint(
              Math.round(random.nextDouble(-90, 90) * 1e6) / 1e6,
              Math.round(random.nextDouble(-180, 180) * 1e4) / 1e4);
      default -> new GeoPoint(-1.5536, 28.8803);
    };
  }

  private String id(String prefix) {
    return switch (random.nextInt(8)) {
      case 0 -> prefix + "-" + (serial++) + "~!#$%&'()*+,-./:;<=>?@[]^_`{|}";
      case 1 -> "urn:epc:id:sgtin:0614141.107346." + (serial++);
      default -> prefix + "-" + (serial++);
    };
  }

  /** A non-blank free text: mostly plain, sometimes with escapes and non-ASCII characters. */
  private String text() {
    return switch (random.nextInt(8)) {
      case 0 -> "device \"quoted\"\t\\ \u0001\u001f\u007f end";
      case 1 -> "téléphone \u4e2d \ud83d\ude00 \u2028";
      case 2 -> "Laboratoire d'analyse " + random.nextInt(100);
      default -> "text-" + random.nextInt(1_000_000);
    };
  }

  private long mass(long minimum) {
    return switch (random.nextInt(8)) {
      case 0 -> minimum;
      case 1 -> random.nextLong(1L << 52, 1L << 53) + minimum;
      case 2 -> (1L << 53) - random.nextInt(0, 2);
      default -> random.nextLong(Math.max(1, minimum), 10_000_000);
    };
  }

  private Grade grade() {
    return switch (random.nextInt(4)) {
      case 0 -> new Grade(random.nextInt(0, 3) * 500_000L);
      case 1 -> new Grade(random.nextInt(0, 100));
      default -> new Grade(random.nextLong(0, Grade.MILLION + 1));
    };
  }

  private Grade optionalGrade() {
    return random.nextInt(3) == 0 ? null : grade();
  }

  private Mineral mineral() {
    return MINERALS.get(random.nextInt(MINERALS.size()));
  }

  private Country country() {
    return Country.of(COUNTRIES.get(random.nextInt(COUNTRIES.size())));
  }
}
