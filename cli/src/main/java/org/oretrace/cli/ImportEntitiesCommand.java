package org.oretrace.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.entities.Party;
import org.oretrace.core.entities.Relation;
import org.oretrace.store.AlertStore;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Store;
import org.oretrace.store.json.FollowTheMoneyEntities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Imports owners and directors from FollowTheMoney entities ({@code oretrace import-entities
 * FILE}): the whole file is read and checked, every relation's subject must be a registered actor
 * or a company of the file or the store, then all is written at once and every actor is assessed
 * again (D9 alerts for actors whose owners or directors are listed).
 */
@Command(
    name = "import-entities",
    mixinStandardHelpOptions = true,
    description = {
      "Import persons, companies, ownerships and directorships (FollowTheMoney JSON lines: Person,"
          + " Company, Organization, LegalEntity, Ownership, Directorship) into the data folder.",
      "An Ownership's asset or a Directorship's organization is a registered actor id or a"
          + " company. Owners and directors are screened against the imported watch lists;"
          + " matches become D9 actor-risk alerts with the ownership path as evidence."
    })
final class ImportEntitiesCommand implements Callable<Integer> {

  @Mixin DataOptions data;

  @Parameters(paramLabel = "FILE", description = "FollowTheMoney entities, one JSON a line.")
  Path file;

  @Override
  public Integer call() {
    InputFiles.requireFile(file);
    FollowTheMoneyEntities.Contents contents = FollowTheMoneyEntities.read(file);
    try (Store store = data.openStore()) {
      Set<String> companies =
          contents.parties().stream().map(Party::id).collect(Collectors.toSet());
      store.entities().parties().forEach(party -> companies.add(party.id()));
      for (Relation relation : contents.relations()) {
        if (!companies.contains(relation.subjectId())
            && store.registry().actor(relation.subjectId()).isEmpty()) {
          throw new Failures.UserError(
              Main.EXIT_DATA,
              file
                  + ": "
                  + relation.kind().wireName()
                  + " of "
                  + relation.partyId()
                  + " is about "
                  + relation.subjectId()
                  + ", which is neither an actor nor a company; nothing was written");
        }
      }
      long alertsBefore = d9Count(store);
      try {
        store
            .entities()
            .importEntities(
                contents.parties(),
                contents.relations(),
                "import:" + file.getFileName(),
                Instant.now());
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(
            Main.EXIT_DATA, file + ": " + e.getMessage() + "; nothing was written");
      }
      System.out.printf(
          "%,d parties, %,d relations imported (%,d other entities skipped); %,d new actor-risk"
              + " (D9) alerts%n",
          contents.parties().size(),
          contents.relations().size(),
          contents.skipped(),
          d9Count(store) - alertsBefore);
    }
    return 0;
  }

  private static long d9Count(Store store) {
    return store
        .alerts()
        .alerts(
            new AlertStore.AlertFilter(DetectorId.D9, null, null, null, null, null, null),
            PageRequest.first(1))
        .total();
  }
}
