package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code oretrace import-entities} in process: owners and directors from FollowTheMoney lines
 * over a registered actor and the real UN list, then {@code screen}-free checks of what was stored.
 */
class ImportEntitiesCommandTest {

  private static final Path LISTS = Path.of("../store/src/test/resources/watchlist");

  private static final String REGISTRY =
      """
      {"sites": [], "events": [],
       "actors": [{"id": "TR-1", "name": "Kivu Lake Traders", "kind": "trader", "country": "CD"}]}
      """;

  private static final String ENTITIES =
      """
      {"id": "ftm-p1", "schema": "Person", "properties": {"name": ["Sultani Makenga"], "nationality": ["cd"], "birthDate": ["1973-12-25"]}}
      {"id": "ftm-c1", "schema": "Company", "properties": {"name": ["Lake Holdings SARL"], "jurisdiction": ["cd"], "registrationNumber": ["CD/GOM/RCCM/19-B-0042"]}}
      {"id": "ftm-o1", "schema": "Ownership", "properties": {"owner": ["ftm-p1"], "asset": ["ftm-c1"], "percentage": ["51"], "startDate": ["2019"]}}
      {"id": "ftm-o2", "schema": "Ownership", "properties": {"owner": ["ftm-c1"], "asset": ["TR-1"], "percentage": ["80"]}}
      {"id": "ftm-d1", "schema": "Directorship", "properties": {"director": ["ftm-p1"], "organization": ["TR-1"], "role": ["director"]}}
      {"id": "ftm-a1", "schema": "Address", "properties": {"full": ["Goma"]}}
      """;

  @TempDir Path folder;

  private static CommandRun run(String... arguments) {
    return CommandRun.of(arguments);
  }

  private String data() {
    return folder.resolve("data").toString();
  }

  private void registerAndImportTheUnList() throws Exception {
    Path registry = Files.writeString(folder.resolve("registry.json"), REGISTRY);
    CommandRun imported = run("import", "--data", data(), registry.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    CommandRun lists =
        run(
            "watchlist",
            "import",
            "--data",
            data(),
            "--un",
            LISTS.resolve("UN_consolidated.xml").toString());
    assertThat(lists.exitCode()).as(lists.err()).isZero();
    assertThat(lists.out()).contains("0 new actor-risk (D9) alerts");
  }

  @Test
  void importsOwnersAndDirectorsAndAlertsOnTheActorOfAListedOwner() throws Exception {
    registerAndImportTheUnList();
    Path entities = Files.writeString(folder.resolve("entities.ftm.json"), ENTITIES);

    CommandRun run = run("import-entities", "--data", data(), entities.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "2 parties, 3 relations imported (1 other entities skipped); 1 new actor-risk (D9)"
                + " alerts");
  }

  @Test
  void aRelationToNothingKnownWritesNothing() throws Exception {
    registerAndImportTheUnList();
    Path entities =
        Files.writeString(
            folder.resolve("bad.ftm.json"),
            ENTITIES.replace("\"asset\": [\"TR-1\"]", "\"asset\": [\"TR-404\"]"));

    CommandRun run = run("import-entities", "--data", data(), entities.toString());

    assertThat(run.exitCode()).isEqualTo(Main.EXIT_DATA);
    assertThat(run.err()).contains("TR-404", "nothing was written");
    Path good = Files.writeString(folder.resolve("good.ftm.json"), ENTITIES);
    assertThat(run("import-entities", "--data", data(), good.toString()).out())
        .contains("2 parties, 3 relations imported");
  }

  @Test
  void aMissingFileOrABadLineIsAClearError() throws Exception {
    assertThat(run("import-entities", "--data", data(), "nope.json").exitCode())
        .isEqualTo(Main.EXIT_NO_INPUT);
    Path bad =
        Files.writeString(
            folder.resolve("bad.json"),
            "{\"id\": \"x\", \"schema\": \"Ownership\", \"properties\": {\"owner\": [\"a\"]}}\n");
    CommandRun run = run("import-entities", "--data", data(), bad.toString());
    assertThat(run.exitCode()).isEqualTo(Main.EXIT_DATA);
    assertThat(run.err()).contains("line 1", "needs both owner and asset");
  }
}
