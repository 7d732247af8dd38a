package org.oretrace.core.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.entities.EntityGraph.Edge;
import org.oretrace.core.entities.EntityGraph.EdgeKind;
import org.oretrace.core.entities.EntityGraph.Network;
import org.oretrace.core.entities.EntityGraph.Path;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.Licence;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.Match;
import org.oretrace.core.screening.Query;
import org.oretrace.core.screening.Screener;
import org.oretrace.core.screening.WatchList;
import org.oretrace.core.screening.WatchListEntry;

class EntityGraphTest {

  private static final Licence LICENCE =
      new Licence("LIC-2024/077", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));

  private static Actor actor(String id, String name, Licence licence) {
    return new Actor(id, name, ActorKind.TRADER, Country.of("CD"), null, licence);
  }

  private static Party person(String id, String name, String phone) {
    return new Party(
        id,
        PartyKind.PERSON,
        name,
        null,
        null,
        List.of(),
        phone == null ? List.of() : List.of(phone),
        List.of());
  }

  private static Relation owns(String party, String subject, String share) {
    return new Relation(
        RelationKind.OWNERSHIP, party, subject, new BigDecimal(share), null, null, null);
  }

  private static Match match(String name) {
    Screener screener =
        Screener.of(
            WatchList.of(
                List.of(
                    WatchListEntry.named("UN", "CDi.005", EntityType.PERSON, "Bosco Ntaganda"))));
    return screener.screen(Query.of(name)).getFirst();
  }

  /**
   * exporter <- owned by holding <- owned by person (listed); trader shares the exporter's licence.
   */
  private static EntityGraph chain() {
    return EntityGraph.builder()
        .actor(actor("exporter", "Kivu Export", LICENCE))
        .actor(
            actor(
                "trader",
                "Goma Trading",
                new Licence("lic 2024-077", LICENCE.validFrom(), LICENCE.validUntil())))
        .actor(actor("buyer", "Far Away Smelter", null))
        .party(
            new Party(
                "holding",
                PartyKind.COMPANY,
                "Lake Holdings",
                null,
                null,
                List.of(),
                List.of(),
                List.of()))
        .party(person("bosco", "Bosco Ntaganda", "+243 99 000 1111"))
        .relation(owns("holding", "exporter", "75"))
        .relation(owns("bosco", "holding", "51"))
        .trade(new CustodyTrades.Trade("exporter", "buyer", 1_250_500, 3))
        .match(EntityGraph.partyNode("bosco"), match("Bosco Ntaganda"))
        .build();
  }

  @Test
  void theShortestPathToAListedOwnerCarriesEveryLinkAsEvidence() {
    List<Path> paths = chain().paths(EntityGraph.actorNode("exporter"), 4);

    assertThat(paths).hasSize(1);
    Path path = paths.getFirst();
    assertThat(path.nodeIds())
        .containsExactly("actor:exporter", "party:holding", "party:bosco", "listed:UN:CDi.005");
    assertThat(path.edges())
        .extracting(Edge::kind)
        .containsExactly(EdgeKind.OWNERSHIP, EdgeKind.OWNERSHIP, EdgeKind.LISTED);
    assertThat(path.evidence())
        .contains(
            "company holding \"Lake Holdings\" owns 75% of actor exporter",
            "person bosco \"Bosco Ntaganda\" owns 51% of company holding",
            "matches UN entry CDi.005");
  }

  @Test
  void licencesCompareWithoutPunctuationOrCaseAndJoinTheirHolders() {
    Network network = chain().network("trader", 1);

    assertThat(network.edges())
        .singleElement()
        .satisfies(
            edge -> {
              assertThat(edge.kind()).isEqualTo(EdgeKind.SHARED_LICENCE);
              assertThat(edge.why()).contains("LIC2024077");
            });
    // Through the shared licence, the trader is four links from the listed person.
    assertThat(network.paths()).extracting(Path::hops).containsExactly(4);
    // The path's nodes beyond the one link come with their names.
    assertThat(network.beyond())
        .extracting(EntityGraph.Node::id, EntityGraph.Node::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("party:holding", "Lake Holdings"),
            org.assertj.core.groups.Tuple.tuple("party:bosco", "Bosco Ntaganda"),
            org.assertj.core.groups.Tuple.tuple("listed:UN:CDi.005", "Bosco Ntaganda"));
    assertThat(chain().network("trader", 4).beyond()).isEmpty();
  }

  @Test
  void theNeighbourhoodStopsAtTheDepthAndTradeEdgesCarryTheMass() {
    Network network = chain().network("buyer", 1);

    assertThat(network.nodes())
        .extracting(EntityGraph.Node::id)
        .containsExactly("actor:buyer", "actor:exporter");
    Edge trade = network.edges().getFirst();
    assertThat(trade.kind()).isEqualTo(EdgeKind.TRADE);
    assertThat(trade.why())
        .isEqualTo(
            "actor exporter \"Kivu Export\" sold 1250.5 kg to actor buyer \"Far Away Smelter\" in 3 lots");
    assertThat(trade.figures().get("massGrams")).isEqualByComparingTo("1250500");
    assertThat(chain().network("buyer", 3).nodes()).hasSize(5);
  }

  @Test
  void aValueSharedByManyJoinsNoOne() {
    EntityGraph.Builder builder = EntityGraph.builder();
    for (int i = 0; i <= EntityGraph.MAX_SHARED; i++) {
      builder.party(person("p-" + i, "Person " + i, "+250 788 000 000"));
    }
    assertThat(builder.build().edgeCount()).isZero();

    EntityGraph pair =
        EntityGraph.builder()
            .party(person("p-1", "One", "+250 788 123 456"))
            .party(person("p-2", "Two", "0788 123 456"))
            .build();
    assertThat(pair.edgeCount()).isEqualTo(1);
  }

  @Test
  void pathsDoNotRunThroughAListedEntry() {
    EntityGraph graph =
        EntityGraph.builder()
            .actor(actor("first", "First Trader", null))
            .actor(actor("second", "Second Trader", null))
            .party(person("p-1", "Bosco Ntaganda", null))
            .party(person("p-2", "Bosco Ntaganda", null))
            .relation(owns("p-1", "first", "100"))
            .relation(owns("p-2", "second", "100"))
            .match(EntityGraph.partyNode("p-1"), match("Bosco Ntaganda"))
            .match(EntityGraph.partyNode("p-2"), match("Bosco Ntaganda"))
            .build();

    assertThat(graph.network("first", 4).nodes())
        .extracting(EntityGraph.Node::id)
        .doesNotContain("actor:second");
  }

  @Test
  void anUnknownActorOrANegativeDepthIsRefused() {
    assertThatThrownBy(() -> chain().network("nobody", 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> chain().network("exporter", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void paymentsAndFamilyLinksJoinTheGraphAndCarryTheirTermsAsEvidence() {
    EntityGraph graph =
        EntityGraph.builder()
            .actor(actor("trader", "Goma Trading", null))
            .party(person("brother", "Jean Uwase", null))
            .party(person("bosco", "Bosco Ntaganda", null))
            .party(
                new Party(
                    "holding",
                    PartyKind.COMPANY,
                    "Lake Holdings",
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of()))
            .relation(
                new Relation(
                    RelationKind.PAYMENT,
                    "trader",
                    "brother",
                    null,
                    "consultancy",
                    LocalDate.of(2024, 3, 1),
                    LocalDate.of(2024, 3, 1),
                    new BigDecimal("25000.50"),
                    "USD"))
            .relation(
                new Relation(RelationKind.FAMILY, "bosco", "brother", null, "brother", null, null))
            // a family link to a company is not a family link: it joins nothing
            .relation(new Relation(RelationKind.FAMILY, "bosco", "holding", null, null, null, null))
            .match(EntityGraph.partyNode("bosco"), match("Bosco Ntaganda"))
            .build();

    Path path = graph.paths(EntityGraph.actorNode("trader"), 4).getFirst();

    assertThat(path.edges())
        .extracting(Edge::kind)
        .containsExactly(EdgeKind.PAYMENT, EdgeKind.FAMILY, EdgeKind.LISTED);
    assertThat(path.edges().getFirst().figures().get("amount")).isEqualByComparingTo("25000.5");
    assertThat(path.evidence())
        .contains(
            "actor trader \"Goma Trading\" paid 25000.5 USD to person brother \"Jean Uwase\""
                + " for consultancy since 2024-03-01 until 2024-03-01",
            "person bosco \"Bosco Ntaganda\" is brother of person brother \"Jean Uwase\"");
    assertThat(graph.network("trader", 4).edges())
        .extracting(Edge::kind)
        .doesNotContain(EdgeKind.OWNERSHIP)
        .containsOnlyOnce(EdgeKind.FAMILY);
  }

  @Test
  void relationsOtherThanOwnershipRefuseTermsTheyCannotHave() {
    assertThatThrownBy(
            () ->
                new Relation(
                    RelationKind.FAMILY, "a", "b", null, null, null, null, BigDecimal.TEN, "USD"))
        .hasMessageContaining("only a payment has an amount");
    assertThatThrownBy(
            () ->
                new Relation(
                    RelationKind.PAYMENT, "a", "b", null, null, null, null, BigDecimal.TEN, "usd"))
        .hasMessageContaining("ISO 4217");
    assertThatThrownBy(
            () ->
                new Relation(
                    RelationKind.PAYMENT,
                    "a",
                    "b",
                    null,
                    null,
                    null,
                    null,
                    new BigDecimal("1234567890.1234567"),
                    "USD"))
        .hasMessageContaining("15 significant digits");
    assertThat(
            new Relation(RelationKind.ASSOCIATE, "a", "b", null, null, null, null)
                .endedOn(LocalDate.of(2025, 6, 30))
                .id())
        .isEqualTo("associate:a:b");
  }
}
