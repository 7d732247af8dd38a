package org.oretrace.core.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oretrace.core.custody.EventFactory.input;
import static org.oretrace.core.custody.EventFactory.output;
import static org.oretrace.core.custody.EventFactory.part;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.Mineral;

/** The shape rules every custody event record enforces on its own, before any graph sees it. */
class CustodyEventTest {

  private final EventFactory events = new EventFactory();

  @Test
  void aTagNeedsAPositiveMassAndValidIds() {
    for (long grams : new long[] {0, -1, Long.MIN_VALUE}) {
      assertThatThrownBy(() -> events.tag("L1", "T1", grams))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("massGrams must be a positive number of grams, got " + grams);
    }
    assertThatThrownBy(
            () ->
                new Tag(
                    events.context(), " ", "T1", "site", Mineral.COLTAN, 1, Grade.ofPercent("1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("lot must be 1 to 128 printable characters");
    assertThatThrownBy(() -> new Tag(events.context(), "L1", "", "site", Mineral.COLTAN, 1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tagNumber must be");
    assertThat(new Tag(events.context(), "L1", "T1", "site", Mineral.COLTAN, 1, null).grade())
        .isNull();
  }

  @Test
  void partsAndOutputsNeedPositiveMassesAndInputsNonNegativeOnes() {
    assertThatThrownBy(() -> part("P1", "T1", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("massGrams must be a positive number of grams");
    assertThatThrownBy(() -> output("O1", "T1", Mineral.TIN, -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -5");
    assertThatThrownBy(() -> input("I1", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("massGrams must not be negative, got -1");
    assertThat(input("I1", 0).massGrams()).isZero();
  }

  @Test
  void receiveAndCustomsMassesMayBeZeroButNotNegative() {
    assertThat(new Receive(events.context(), "L1", 0).massGrams()).isZero();
    assertThatThrownBy(() -> new Receive(events.context(), "L1", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("massGrams must not be negative, got -1");
    assertThatThrownBy(() -> new Export(events.context(), "L1", "EX-1", Country.of("RW"), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Import(events.context(), "L1", "IM-1", Country.of("CD"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anExportNeedsADeclaration() {
    assertThatThrownBy(() -> new Export(events.context(), "L1", "  ", Country.of("RW"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an export needs a customs declaration number");
    assertThatThrownBy(() -> new Export(events.context(), "L1", null, Country.of("RW"), 0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("declarationNumber is null");
    assertThatThrownBy(() -> new Export(events.context(), "L1", "EX-1", null, 0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("destination is null");
    assertThatThrownBy(() -> new Import(events.context(), "L1", "", Country.of("CD"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an import needs a customs declaration number");
  }

  @Test
  void splitsMergesAndProcessesNeedEnoughLots() {
    assertThatThrownBy(() -> new Split(events.context(), "L1", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a split needs at least one part");
    assertThatThrownBy(() -> new Merge(events.context(), List.of("L1"), new NewLot("M", "TM", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a merge needs at least two input lots");
    assertThatThrownBy(
            () -> new Merge(events.context(), List.of("L1", "bad id"), new NewLot("M", "TM", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("inputs must be");
    List<ProcessInput> noInputs = List.of();
    assertThatThrownBy(
            () ->
                new Process(events.context(), noInputs, List.of(output("O", "TO", Mineral.TIN, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("processing needs at least one input");
    assertThatThrownBy(() -> new Process(events.context(), List.of(input("L1", 0)), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("processing needs at least one output");
  }

  @Test
  void eventsListTheirLotsSubjectInputsThenOutputs() {
    assertThat(events.split("L1", part("P1", "T1", 1), part("P2", "T2", 1)).lotIds())
        .containsExactly("L1", "P1", "P2");
    assertThat(events.merge(part("M", "TM", 2), "A", "B").lotIds()).containsExactly("A", "B", "M");
    assertThat(
            events
                .process(
                    List.of(input("A", 0), input("B", 5)),
                    List.of(output("X", "TX", Mineral.TIN, 1), output("Y", "TY", Mineral.TIN, 1)))
                .lotIds())
        .containsExactly("A", "B", "X", "Y");
    assertThat(events.assay("L1", "30").type()).isEqualTo(EventType.ASSAY);
  }

  @Test
  void anAssayNeedsAGradeAndALaboratory() {
    assertThatThrownBy(() -> new Assay(events.context(), "L1", null, "lab", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("grade is null");
    assertThatThrownBy(() -> new Assay(events.context(), "L1", Grade.ofPercent("1"), " ", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("laboratory is blank");
  }

  @Test
  void aContextNeedsIdTimePlaceActorAndRecorder() {
    OffsetDateTime time = OffsetDateTime.parse("2025-03-01T10:15:30+02:00");
    GeoPoint place = new GeoPoint(0, 0);
    EventContext context = new EventContext("E1", time, place, "actor", "device-7");
    assertThat(context.instant()).isEqualTo(time.toInstant());

    assertThatThrownBy(() -> new EventContext("E 1", time, place, "actor", "d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("id must be");
    assertThatThrownBy(() -> new EventContext("E1", null, place, "actor", "d"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("time is null");
    assertThatThrownBy(() -> new EventContext("E1", time, place, "", "d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("actor must be");
    assertThatThrownBy(() -> new EventContext("E1", time, place, "actor", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recordedBy is blank");
  }
}
