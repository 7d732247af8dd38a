package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;

class ShippingStageTest {

  private final World world = Worlds.standard();
  private final Map<String, List<CustodyEvent>> histories = Worlds.historiesByLot(world);

  @Test
  void customsClearTheExportToTheSmeltersCountryAndTheSmelterImportsIt() {
    List<Export> exports = Worlds.eventsOf(world, Export.class);

    assertThat(exports).isNotEmpty();
    assertThat(exports).extracting(Export::declarationNumber).doesNotHaveDuplicates();
    assertThat(exports)
        .allSatisfy(
            export -> {
              List<CustodyEvent> history = histories.get(export.lotId());
              int at = history.indexOf(export);
              Ship ship = (Ship) history.get(at - 1);
              Import anImport = (Import) history.get(at + 1);
              Actor comptoir = Worlds.actor(world, ship.context().actorId());
              Actor customs = Worlds.actor(world, export.context().actorId());
              Actor smelter = Worlds.actor(world, ship.consigneeId());
              assertThat(comptoir.kind()).isEqualTo(ActorKind.COMPTOIR);
              assertThat(customs.kind()).isEqualTo(ActorKind.CUSTOMS_OFFICE);
              assertThat(customs.country()).isEqualTo(comptoir.country());
              assertThat(smelter.kind()).isEqualTo(ActorKind.SMELTER);
              assertThat(export.destination()).isEqualTo(smelter.country());
              assertThat(export.massGrams()).isPositive();
              assertThat(anImport.context().actorId()).isEqualTo(smelter.id());
              assertThat(anImport.origin()).isEqualTo(comptoir.country());
              assertThat(anImport.massGrams() / (double) export.massGrams())
                  .isBetween(0.997, 1.003);
              assertThat(Duration.between(export.context().instant(), anImport.context().instant()))
                  .isBetween(Duration.ofDays(15), Duration.ofDays(60));
              assertThat(history.get(at + 2)).isInstanceOf(Assay.class);
            });
  }

  @Test
  void smeltersRecordInTheirLocalTime() {
    assertThat(Worlds.eventsOf(world, Import.class))
        .allSatisfy(
            anImport -> {
              String country = Worlds.actor(world, anImport.context().actorId()).country().code();
              int hours = anImport.context().time().getOffset().getTotalSeconds() / 3600;
              assertThat(hours).isEqualTo(country.equals("TH") || country.equals("VN") ? 7 : 8);
            });
  }
}
