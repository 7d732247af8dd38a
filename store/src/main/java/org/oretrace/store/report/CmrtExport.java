package org.oretrace.store.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;
import org.oretrace.store.Store;

/**
 * A company's smelter list in the columns of the Conflict Minerals Reporting Template's "Smelter
 * List" sheet (RMI CMRT 6.x), as CSV (RFC 4180): one row per smelter and metal found in the
 * company's supply chain, with the mine sites and countries the custody record traces its lots to.
 *
 * <p>The record knows smelters as registry actors, not by their RMI smelter identification, so
 * "Smelter Identification" holds the actor id and its source says so; address and contact columns
 * are left empty for the company to complete. Only the four CMRT metals (tantalum, tin, tungsten,
 * gold) are listed; rare earths belong to another template.
 */
public final class CmrtExport {

  /** The CMRT smelter-list columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "Metal",
          "Smelter Look-up",
          "Smelter Name",
          "Smelter Country",
          "Smelter Identification",
          "Source of Smelter Identification Number",
          "Smelter Street",
          "Smelter City",
          "Smelter Facility Location: State / Province (if applicable)",
          "Smelter Contact Name",
          "Smelter Contact Email",
          "Proposed next steps, if applicable",
          "Name of Mine(s) or if recycled or scrap sourced, enter \"recycled\" or \"scrap\"",
          "Location (Country) of Mine(s) or if recycled or scrap sourced, enter \"recycled\" or"
              + " \"scrap\"",
          "Does 100% of the smelter's feedstock originate from recycled or scrap sources?",
          "Comments");

  private final Store store;
  private final CustodyGraph graph;

  public CmrtExport(Store store, CustodyGraph graph) {
    this.store = requireNonNull(store, "store is null");
    this.graph = requireNonNull(graph, "graph is null");
  }

  /** The CSV for the company, header first; empty when the actor is unknown. */
  public Optional<String> csv(String actorId) {
    if (store.registry().actor(actorId).isEmpty()) {
      return Optional.empty();
    }
    SupplyChain.Handled handled =
        SupplyChain.handledBy(store.custody(), actorId, Instant.MIN, Instant.MAX);
    // smelter id -> metal -> origin site ids, and lot counts
    Map<String, Map<String, Set<String>>> origins = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> lots = new LinkedHashMap<>();
    for (String lotId : handled.lotIds()) {
      Optional<Lot> lot = graph.lot(lotId);
      if (lot.isEmpty()) {
        continue;
      }
      String metal = metal(lot.get().mineral());
      if (metal == null) {
        continue;
      }
      Set<String> sites = SupplyChain.origins(graph, lotId).keySet();
      for (String smelter : SupplyChain.smelters(graph, store.custody(), store.registry(), lotId)) {
        origins
            .computeIfAbsent(smelter, key -> new LinkedHashMap<>())
            .computeIfAbsent(metal, key -> new LinkedHashSet<>())
            .addAll(sites);
        lots.computeIfAbsent(smelter, key -> new LinkedHashMap<>()).merge(metal, 1, Integer::sum);
      }
    }
    StringBuilder csv = new StringBuilder();
    row(csv, COLUMNS);
    origins.forEach(
        (smelterId, byMetal) -> {
          Actor smelter = store.registry().actor(smelterId).orElseThrow();
          byMetal.forEach(
              (metal, siteIds) -> {
                List<String> mines = new ArrayList<>();
                Set<String> countries = new TreeSet<>();
                for (String siteId : siteIds) {
                  Optional<Site> site = store.registry().site(siteId);
                  mines.add(site.map(found -> found.name() + " (" + siteId + ")").orElse(siteId));
                  site.ifPresent(found -> countries.add(found.country().displayName()));
                }
                row(
                    csv,
                    List.of(
                        metal,
                        smelter.name(),
                        smelter.name(),
                        smelter.country().displayName(),
                        smelter.id(),
                        "Oretrace registry actor id",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        String.join("; ", mines),
                        String.join("; ", countries),
                        "No",
                        lots.get(smelterId).get(metal)
                            + " lot(s) of the company traced through this smelter"));
              });
        });
    return Optional.of(csv.toString());
  }

  /** The CMRT metal of a mineral, or null for one the template does not cover. */
  static String metal(Mineral mineral) {
    return switch (mineral) {
      case COLTAN, TANTALUM -> "Tantalum";
      case CASSITERITE, TIN -> "Tin";
      case WOLFRAMITE, TUNGSTEN -> "Tungsten";
      case GOLD -> "Gold";
      case RARE_EARTH_CONCENTRATE, RARE_EARTH_OXIDES -> null;
    };
  }

  private static void row(StringBuilder csv, List<String> cells) {
    for (int index = 0; index < cells.size(); index++) {
      if (index > 0) {
        csv.append(',');
      }
      String cell = cells.get(index);
      if (cell.indexOf(',') >= 0
          || cell.indexOf('"') >= 0
          || cell.indexOf('\n') >= 0
          || cell.indexOf('\r') >= 0) {
        csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        csv.append(cell);
      }
    }
    csv.append("\r\n");
  }
}
