package org.oretrace.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.registry.Mineral;
import org.oretrace.server.ServerConfig;
import org.oretrace.server.auth.TokenSecrets;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SchemeRates;
import org.oretrace.sim.SimulationOptions;
import org.oretrace.sim.World;
import org.oretrace.store.CustodyStore.LotFilter;
import org.oretrace.store.NationalTrade;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The first thing a newcomer runs: loads a simulated world (Great Lakes 3T unless {@code
 * --scenario} names another) into the data folder (once; an existing record is kept), starts the
 * server and says where to look.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Load a simulated world (once; Great Lakes 3T by default) and run the server over it.")
final class DemoCommand implements Callable<Integer> {

  static final int BATCH_SIZE = 5_000;

  /** D10 schemes per 1,000 lots in the demo's world (the simulator's default is 0.3). */
  static final double MIRROR_TRADE_RATE = 1.0;

  @Mixin DataOptions data;
  @Mixin ServeOptions serve;
  @Mixin KafkaOptions kafka;

  @Mixin WorldOptions simulation = new WorldOptions(2_000, 42);

  @Option(
      names = "--scenario",
      defaultValue = "great-lakes-3t",
      description =
          "Scenario: great-lakes-3t, amazon-gold or myanmar-ree (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Override
  public Integer call() {
    if (simulation.lots < 1) {
      throw new Failures.UserError(Main.EXIT_USAGE, "--lots must be at least 1");
    }
    Scenario chosen;
    try {
      chosen = Scenario.named(scenario);
    } catch (IllegalArgumentException e) {
      throw new Failures.UserError(Main.EXIT_USAGE, e.getMessage());
    }
    ServerConfig config = serve.config();
    Recorder recorder = data.openRecorder();
    AutoCloseable publisher;
    try {
      publisher = kafka.attach(recorder);
    } catch (RuntimeException e) {
      recorder.store().close();
      throw e;
    }
    if (recorder.store().custody().eventCount() == 0) {
      load(recorder, chosen);
    } else {
      System.err.printf(
          "oretrace: %s already holds %,d events; using them (delete the folder for a fresh world)%n",
          data.describe(), recorder.store().custody().eventCount());
    }
    String adminToken = config.adminToken();
    if (adminToken == null) {
      adminToken = TokenSecrets.mint().secret();
      config = config.withAdminToken(adminToken);
    }
    String token = adminToken;
    String showcase = showcaseLot(recorder);
    List<DemoAccounts.Login> logins = DemoAccounts.seed(recorder.store());
    ServeOptions.runUntilStopped(
        config, recorder, url -> printWelcome(url, recorder, showcase, token, logins), publisher);
    return 0;
  }

  void load(Recorder recorder, Scenario chosen) {
    System.err.printf(
        Locale.ROOT,
        "oretrace: simulating the %s world (seed %d, %,d lots, schemes %s)...%n",
        chosen.name(),
        simulation.seed,
        simulation.lots,
        options(simulation.seed, simulation.lots).schemes());
    World world = chosen.generate(options(simulation.seed, simulation.lots));
    recorder.store().registry().putSites(world.sites());
    recorder.store().registry().putActors(world.actors());
    List<CustodyEvent> events = world.events();
    Progress progress = new Progress(System.err, "recording events", events.size());
    for (int start = 0; start < events.size(); start += BATCH_SIZE) {
      recorder.record(events.subList(start, Math.min(events.size(), start + BATCH_SIZE)));
      progress.update(Math.min(events.size(), start + BATCH_SIZE));
    }
    progress.finish(events.size());
    // The world's national trade statistics, so that the country screens compare the custody
    // record with what countries and their partners declared, and D10 judges them.
    NationalTrade.Imported trade =
        NationalTrade.attach(recorder).importStatistics(world.tradeStatistics());
    System.err.printf(
        Locale.ROOT,
        "oretrace: imported %,d lines of national trade statistics (%d mirror-trade alerts)%n",
        trade.lines(),
        trade.alerts().size());
  }

  /**
   * The demo world's options: the default schemes, with mirror-trade schemes (D10) at {@link
   * #MIRROR_TRADE_RATE}. At the default rate a world of 2,000 lots holds one, in whichever country
   * the seed draws (Burundi for seed 42), which the demo's DRC users may not see; at this rate each
   * country with a few months of exports may get one, and seed 42 plants one in the DRC too.
   */
  static SimulationOptions options(long seed, int lots) {
    return SimulationOptions.of(seed, lots)
        .withSchemes(SchemeRates.defaults().with(DetectorId.D10, MIRROR_TRADE_RATE));
  }

  /** A smelter's output lot: the best lot to trace back to its mines. */
  private static String showcaseLot(Recorder recorder) {
    for (Mineral metal :
        List.of(
            Mineral.TANTALUM,
            Mineral.TIN,
            Mineral.TUNGSTEN,
            Mineral.GOLD,
            Mineral.RARE_EARTH_OXIDES)) {
      List<Lot> found =
          recorder
              .store()
              .custody()
              .lots(new LotFilter(metal, null, null, null, null), PageRequest.first(1))
              .items();
      if (!found.isEmpty()) {
        return found.getFirst().id();
      }
    }
    return null;
  }

  private void printWelcome(
      String url,
      Recorder recorder,
      String showcase,
      String adminToken,
      List<DemoAccounts.Login> logins) {
    var store = recorder.store();
    System.out.printf(
        Locale.ROOT,
        "%nOretrace demo: %,d sites, %,d actors, %,d lots, %,d custody events in %s%n%n",
        store.registry().siteCount(),
        store.registry().actorCount(),
        recorder.graph().lotCount(),
        store.custody().eventCount(),
        data.describe());
    System.out.println("  Web application   " + url + "/");
    System.out.println("  A country's view  " + url + "/#/country/CD");
    System.out.println("  API health        " + url + "/api/v1/health");
    System.out.println("  API document      " + url + "/api/v1/openapi.yaml");
    System.out.printf(
        Locale.ROOT, "  Alerts (%,d)      %s/api/v1/alerts%n", store.alerts().count(), url);
    if (showcase != null) {
      System.out.println("  Trace a smelter lot back to its mines:");
      System.out.println(
          "                    " + url + "/api/v1/lots/" + showcase + "/trace?direction=upstream");
      System.out.println(
          "                    ./oretrace trace " + showcase + " --data " + data.data);
    }
    System.out.println("  Web logins (passwords for this run only; each sees its need to know):");
    for (DemoAccounts.Login login : logins) {
      System.out.printf(
          Locale.ROOT,
          "                    %-20s %-18s %s%n",
          login.username(),
          login.password(),
          login.description());
    }
    System.out.println(
        "  API reads and writes need a token: curl -H 'Authorization: Bearer TOKEN' ...");
    System.out.println("  Platform admin token (sees everything, this run only):");
    System.out.println("                    " + adminToken);
    System.out.println();
    System.out.println("Ctrl-C stops the server.");
  }
}
