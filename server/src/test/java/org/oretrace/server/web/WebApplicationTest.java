package org.oretrace.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.WatchListEntry;
import org.oretrace.server.DemoWorld;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestStores;
import org.oretrace.server.api.MapTiles;
import org.oretrace.server.auth.OidcConfig;
import org.oretrace.server.auth.PasswordHashing;
import org.oretrace.store.AccountStore.UserAccount;

/**
 * The web application in a real browser: Debian's headless Chromium, driven by Selenium through
 * Debian's chromedriver (explicit paths, so that Selenium Manager downloads nothing), against a
 * real server holding the demo world. Every screen is opened and the test fails on any JavaScript
 * error, any failed request, any resource from another origin, or a SEVERE browser log entry.
 *
 * <p>Without Chromium the tests are skipped with the reason. With {@code
 * -Doretrace.screenshots=true} they save the main screens to {@code docs/screenshots}.
 */
class WebApplicationTest {

  private static final Path CHROMIUM =
      Path.of(System.getProperty("oretrace.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("oretrace.chromedriver", "/usr/bin/chromedriver"));
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Dimension LAPTOP = new Dimension(1440, 960);
  private static final Dimension TABLET = new Dimension(820, 1180);

  private static final String USERNAME = "amani@cd-mines";
  private static final String PASSWORD = "a long demo password";
  private static final String INVESTIGATOR = "kahindo@cd-mines";
  private static final String CUSTOMS_VIEWER = "joseph@cd-customs";

  /** A trader of the demo world, given an owner on the watch list in {@link #startServer}. */
  private static final String LISTED_TRADER = "trader-cd-bukavu";

  /** Its buyer: the listed owner is three links away (buyer, trader, owner, listed entry). */
  private static final String BUYER = "comptoir-cd-bukavu-1";

  private static TestServer server;

  /** The demo world's own D10 mirror-gap alert for the DRC, found in {@link #startServer}. */
  private static JsonNode mirrorAlert;

  private static Path profile;
  private ChromeDriver browser;

  @BeforeAll
  static void startServer() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests skipped: "
            + CHROMIUM
            + " or "
            + CHROMEDRIVER
            + " is not installed (apt-get install chromium chromium-driver; .ci/run does it)");
    server = new TestServer(DemoWorld.demo());
    server
        .store()
        .accounts()
        .putOrganisation(
            new Organisation(
                "cd-mines",
                "Ministère des Mines",
                OrganisationType.REGULATOR,
                new Country("CD"),
                List.of()));
    server
        .store()
        .accounts()
        .addUser(
            new UserAccount(
                USERNAME, "cd-mines", Role.ANALYST, PasswordHashing.hash(PASSWORD), Instant.now()));
    server
        .store()
        .accounts()
        .addUser(
            new UserAccount(
                INVESTIGATOR,
                "cd-mines",
                Role.INVESTIGATOR,
                PasswordHashing.hash(PASSWORD),
                Instant.now()));
    server
        .store()
        .accounts()
        .putOrganisation(
            new Organisation(
                "cd-customs",
                "Direction Générale des Douanes",
                OrganisationType.CUSTOMS,
                new Country("CD"),
                List.of()));
    server
        .store()
        .accounts()
        .addUser(
            new UserAccount(
                CUSTOMS_VIEWER,
                "cd-customs",
                Role.VIEWER,
                PasswordHashing.hash(PASSWORD),
                Instant.now()));
    mirrorAlert = drcMirrorAlert();
    listATradersOwner();
    profile = Files.createTempDirectory("oretrace-chromium");
  }

  /**
   * The mirror-trade alert the demo world raises for the DRC by itself: {@code oretrace demo}
   * plants mirror trade in the DRC and Burundi and imports the world's trade statistics, and {@link
   * DemoWorld#demo()} does the same, so no test adds a trade line of its own.
   */
  private static JsonNode drcMirrorAlert() {
    TestServer.Response alerts = server.get("/api/v1/alerts?detector=D10&country=CD&limit=100");
    assertThat(alerts.status()).as(alerts.text()).isEqualTo(200);
    List<JsonNode> mirror = new ArrayList<>();
    alerts.json().get("items").forEach(mirror::add);
    return mirror.stream()
        .filter(alert -> alert.get("id").asText().startsWith("D10-CD-"))
        .filter(alert -> alert.get("id").asText().endsWith("-mirror"))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "the demo world has no D10 mirror-gap alert for the DRC: " + alerts.text()));
  }

  /** A watch-listed person owns 60% of a trader: a D9 alert and a path in the network. */
  private static void listATradersOwner() {
    server
        .store()
        .watchLists()
        .replace(
            "UN",
            "un.xml",
            List.of(
                new WatchListEntry(
                    "UN",
                    "CDi.005",
                    EntityType.PERSON,
                    List.of("Bosco Ntaganda"),
                    List.of("1973"),
                    List.of("Democratic Republic of the Congo"),
                    List.of(),
                    List.of("DRC"))),
            Instant.now());
    TestServer.Response owners =
        server.put(
            "/api/v1/actors/" + LISTED_TRADER + "/owners",
            """
            [{"relation": "ownership", "sharePercent": 60, "since": "2021-04-01",
              "party": {"id": "P-1", "kind": "person", "name": "Gen. Bosco Ntaganda",
                        "country": "CD", "birthYear": 1973}},
             {"relation": "directorship", "role": "director",
              "party": {"id": "P-2", "kind": "person", "name": "Marie Uwase"}}]
            """,
            server.adminToken());
    assertThat(owners.status()).as(owners.text()).isEqualTo(200);
    assertThat(owners.json().get("alertsRaised").asInt()).isPositive();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--user-data-dir=" + profile.resolve("run-" + System.nanoTime()));
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(LAPTOP);
    logIn(USERNAME);
  }

  /**
   * Every screen needs a login: by default the DRC regulator's analyst, who sees the DRC's record;
   * the cases tests log in again as its investigator.
   */
  private void logIn(String username) {
    browser.manage().deleteAllCookies();
    browser.get(base() + "/");
    waitReady("login");
    assertThat(browser.findElement(By.id("login-oidc")).isDisplayed())
        .as("no identity provider, no 'Sign in with' button")
        .isFalse();
    browser.findElement(By.id("login-username")).sendKeys(username);
    browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("#login-form button")).click();
    waitReady("overview");
    assertThat(text("#session-user")).contains(username);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void clicksFromTheOverviewToASiteToALotTrace() {
    browser.get(base() + "/");
    waitReady("overview");
    assertThat(text("[data-count=sites] b")).isEqualTo("21");
    assertThat(browser.findElements(By.cssSelector("#monthly-chart canvas"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#sites-table tbody tr"))).hasSize(21);
    assertThat(browser.findElements(By.cssSelector("#alerts .alert-item"))).isNotEmpty();
    assertNoProblems();
    screenshot("overview");

    // a site of the DRC, whose record the logged-in regulator sees
    WebElement site =
        browser.findElements(By.cssSelector("#sites-table tbody tr")).stream()
            .filter(row -> row.findElements(By.tagName("td")).get(1).getText().equals("CD"))
            .findFirst()
            .orElseThrow()
            .findElement(By.tagName("a"));
    String siteName = site.getText();
    site.click();
    waitReady("site");
    assertThat(text("h1")).isEqualTo(siteName);
    assertThat(browser.findElements(By.cssSelector("#site-chart canvas"))).isNotEmpty();
    assertThat(
            browser.findElements(
                By.cssSelector("#site-map path.leaflet-interactive, #site-map path")))
        .isNotEmpty();
    List<WebElement> lots = browser.findElements(By.cssSelector("#site-lots tbody a"));
    assertThat(lots).isNotEmpty();
    assertThat(text("#site-risk")).matches("Risk \\d+/100: .+");
    assertThat(text("#site-alerts-caption")).isNotBlank();
    assertNoProblems();
    screenshot("site");

    String tag = lots.getFirst().getText();
    lots.getFirst().click();
    waitReady("lot");
    assertThat(text("h1")).isEqualTo("Lot " + tag);
    assertThat(browser.findElements(By.cssSelector("#lot-events tbody tr"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#lot-origins tbody tr"))).isNotEmpty();
    assertThat(number("return Number(document.querySelector('#lineage').dataset.lots)"))
        .isGreaterThan(1);
    assertThat(browser.findElements(By.cssSelector("#lot-map .step-marker"))).isNotEmpty();
    browser.findElement(By.id("verify-all")).click();
    waitUntil(
        () ->
            browser.findElements(By.cssSelector(".ledger-status")).stream()
                .map(cell -> cell.getAttribute("data-verified"))
                .allMatch(state -> "yes".equals(state) || "no".equals(state)),
        "every event of the lot to be checked against the ledger");
    assertThat(browser.findElements(By.cssSelector(".ledger-status")))
        .allSatisfy(
            cell ->
                assertThat(cell.getAttribute("data-verified"))
                    .as("ledger check of %s", cell.getAttribute("title"))
                    .isEqualTo("yes"));
    assertNoProblems();
    screenshot("lot-trace");

    String certificate = browser.findElement(By.id("lot-certificate")).getAttribute("href");
    browser.get(certificate);
    assertThat(browser.getPageSource()).containsIgnoringCase("provenance");
  }

  @Test
  void clicksFromAnAlertOnTheOverviewToTheLotItNames() {
    browser.get(base() + "/");
    waitReady("overview");
    // the first alert that names a lot (D9 and D10 alerts are about parties and countries)
    WebElement lot =
        browser.findElements(By.cssSelector("#alerts .alert-item a")).stream()
            .filter(link -> link.getAttribute("href").contains("#/lot/"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no alert on the overview links a lot"));
    lot.click();
    waitReady("lot");
    assertThat(text("h1")).startsWith("Lot ");
    assertThat(browser.findElements(By.cssSelector("#lot-events tbody tr"))).isNotEmpty();
    assertNoProblems();
  }

  @Test
  void listsAlertsFiltersThemAndOpensOneWithItsEvidence() {
    browser.get(base() + "/#/alerts");
    waitReady("alerts");
    List<WebElement> rows = browser.findElements(By.cssSelector("#alerts-table tbody tr"));
    assertThat(rows).isNotEmpty();
    assertNoProblems();
    screenshot("alerts");

    // the DRC regulator's analyst sees the alerts within its record; filter on one it has
    String detector =
        browser.findElements(By.cssSelector("#alerts-table tbody tr .pill")).stream()
            .map(WebElement::getText)
            .filter(id -> !id.equals("D9") && !id.equals("D10"))
            .findFirst()
            .orElseThrow();
    new Select(browser.findElement(By.id("alerts-detector"))).selectByValue(detector);
    waitUntil(
        () ->
            browser.findElements(By.cssSelector("#alerts-table tbody tr")).stream()
                .allMatch(row -> row.getText().contains(detector)),
        "the detector filter to apply");
    assertThat(browser.findElements(By.cssSelector("#alerts-table tbody tr"))).isNotEmpty();

    browser.findElement(By.cssSelector("#alerts-table tbody tr a")).click();
    waitReady("alerts");
    waitUntil(() -> !browser.findElements(By.id("alert-explanation")).isEmpty(), "the alert");
    assertThat(text("h1")).startsWith(detector);
    assertThat(text("#alert-explanation")).isNotBlank();
    WebElement lot = browser.findElement(By.cssSelector("#alert-lots a"));
    lot.click();
    waitReady("lot");
    assertThat(text("h1")).startsWith("Lot ");
    assertNoProblems();
  }

  @Test
  void theMapShowsSitesAndFlowsAndFilters() {
    browser.get(base() + "/#/map");
    waitReady("map");
    assertThat(number("return Number(document.querySelector('#map').dataset.sites)")).isEqualTo(21);
    assertThat(number("return Number(document.querySelector('#map').dataset.flows)")).isPositive();
    assertThat(browser.findElements(By.cssSelector("#map .site-marker svg"))).hasSize(21);
    assertThat(browser.findElements(By.cssSelector("#map .country-label"))).isNotEmpty();
    assertNoProblems();
    screenshot("map");

    // the first month alone: less mass moved, and none of the alerts raised later (the same
    // links may carry material every month, so their number need not fall)
    String flows = "return Number(document.querySelector('#map').dataset.massGrams)";
    String alerts = "return Number(document.querySelector('#map').dataset.alerts)";
    double allFlows = number(flows);
    double allAlerts = number(alerts);
    assertThat(allFlows).isPositive();
    WebElement to = browser.findElement(By.id("map-to"));
    String lastMonth = to.getAttribute("value");
    String firstMonth = browser.findElement(By.id("map-from")).getAttribute("value");
    changeValue(to, firstMonth);
    waitUntil(
        () -> text("#map-caption").endsWith("to " + firstMonth), "the period filter to apply");
    assertThat(number(flows)).isLessThan(allFlows);
    assertThat(number(alerts)).isLessThan(allAlerts);
    changeValue(to, lastMonth);
    waitUntil(() -> number(flows) == allFlows, "the whole period again");
    assertThat(number(alerts)).isEqualTo(allAlerts);

    Select country = new Select(browser.findElement(By.id("map-country")));
    country.selectByValue("RW");
    waitUntil(
        () -> number("return Number(document.querySelector('#map').dataset.sites)") < 21,
        "the country filter to apply");
    Select mineral = new Select(browser.findElement(By.id("map-mineral")));
    mineral.selectByIndex(1);
    waitUntil(() -> text("#map-caption").contains("sites"), "the mineral filter to apply");
    assertNoProblems();
  }

  @Test
  void theMapPlacesAlertsAndOpensOne() {
    browser.get(base() + "/#/map");
    waitReady("map");
    String alerts = "return Number(document.querySelector('#map').dataset.alerts)";
    assertThat(number(alerts)).isPositive();
    assertThat(browser.findElements(By.cssSelector("#map .alert-marker"))).isNotEmpty();

    browser.findElement(By.id("map-alerts")).click();
    waitUntil(() -> number(alerts) == 0, "the alerts to be hidden");
    assertThat(browser.findElements(By.cssSelector("#map .alert-marker"))).isEmpty();
    browser.findElement(By.id("map-alerts")).click();
    waitUntil(() -> number(alerts) > 0, "the alerts to be shown again");

    // Alert markers of nearby places may overlap: a script click opens the first wherever it is.
    browser.executeScript(
        "arguments[0].click()",
        browser.findElements(By.cssSelector("#map .alert-marker")).getFirst());
    waitUntil(
        () -> !browser.findElements(By.cssSelector("#map .popup-alerts a")).isEmpty(),
        "the alert marker's popup to open");
    // The popup pans the map into view as it opens, so the link may still be moving: a script
    // click follows the link wherever it is.
    WebElement first = browser.findElements(By.cssSelector("#map .popup-alerts a")).getFirst();
    String target = first.getAttribute("href");
    browser.executeScript("arguments[0].click()", first);
    waitUntil(() -> target.equals(browser.getCurrentUrl()), "the popup's link to be followed");
    waitReady("alerts");
    assertThat(text("h1")).isNotBlank();
    assertNoProblems();
  }

  @Test
  void theFlowsScreenDrawsASankeyPerMineralAndPeriod() {
    browser.get(base() + "/#/flows");
    waitReady("flows");
    assertThat(number("return Number(document.querySelector('#sankey').dataset.links)"))
        .isPositive();
    assertThat(browser.findElements(By.cssSelector("#flow-table tbody tr"))).isNotEmpty();
    assertNoProblems();
    screenshot("flows");

    new Select(browser.findElement(By.id("flow-mineral"))).selectByValue("");
    waitUntil(() -> text("#flow-caption").contains("links"), "the Sankey to redraw");
    assertNoProblems();
  }

  @Test
  void anActorPageShowsItsThroughputAndLots() {
    String actor =
        server
            .get("/api/v1/actors?kind=comptoir&limit=1")
            .json()
            .get("items")
            .get(0)
            .get("id")
            .asText();
    browser.get(base() + "/#/actor/" + actor);
    waitReady("actor");
    assertThat(browser.findElements(By.cssSelector("#actor-chart canvas"))).isNotEmpty();
    assertNoProblems();
    screenshot("actor");

    // the trader with a listed owner: its risk names the sanctions hit, its alerts the D9 one
    browser.get(base() + "/#/actor/" + LISTED_TRADER);
    waitReady("actor");
    assertThat(text("#actor-risk")).contains("/100", "sanctions");
    WebElement sanctioned =
        browser.findElements(By.cssSelector("#actor-alerts tbody tr")).stream()
            .filter(row -> row.getText().startsWith("D9"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no D9 alert: " + text("#actor-alerts")));
    assertThat(sanctioned.findElement(By.cssSelector(".severity")).getText())
        .matches("!{1,3} (high|medium|low)");
    sanctioned.findElement(By.tagName("a")).click();
    waitReady("alerts");
    waitUntil(() -> !browser.findElements(By.id("alert-explanation")).isEmpty(), "the D9 alert");
    assertThat(text("h1")).startsWith("D9");
    assertNoProblems();
  }

  /**
   * Every screen at a tablet's size (820 x 1180, portrait): nothing wider than the window, every
   * card within it, and no problem; with {@code -Doretrace.screenshots=true} each main screen is
   * saved as {@code <screen>-tablet.png}.
   */
  @Test
  void fitsATabletWithoutHorizontalScrolling() {
    browser.manage().window().setSize(TABLET);
    String site = firstDrcSite();
    String lot = server.get("/api/v1/lots?limit=1").json().get("items").get(0).get("id").asText();
    Map<String, String> screens = new java.util.LinkedHashMap<>();
    screens.put("overview", "");
    screens.put("map", "map");
    screens.put("flows", "flows");
    screens.put("alerts", "alerts");
    screens.put("alert", "alerts/" + mirrorAlert.get("id").asText());
    screens.put("site", "site/" + site);
    screens.put("actor", "actor/" + BUYER);
    screens.put("lot-trace", "lot/" + lot);
    screens.put("country", "country/CD");
    screens.put("network", "network/" + BUYER);
    screens.put("cases", "cases");
    screens.forEach(
        (name, route) -> {
          String screen = route.isEmpty() ? "overview" : route.replaceAll("/.*", "");
          browser.get(base() + "/#/" + route);
          waitReady(screen);
          assertThat(number("return document.documentElement.scrollWidth - window.innerWidth"))
              .as("horizontal overflow of %s", name)
              .isLessThanOrEqualTo(0);
          assertThat(
                  number(
                      "return Math.max(0, ...[...document.querySelectorAll('#view .card')]"
                          + ".map(card => card.getBoundingClientRect().right))"
                          + " - document.documentElement.clientWidth"))
              .as("cards of %s beyond the window's right edge", name)
              .isLessThanOrEqualTo(0);
          assertNoProblems();
          screenshot(name + "-tablet");
        });
  }

  /**
   * The first view of each screen, measured and printed, never asserted against a time: how long
   * after the navigation the screen was drawn (cold: the browser's cache emptied first, as for a
   * first visit; warm: the scripts and outlines cached), the browser main thread's busy time, the
   * server's CPU time (this JVM's), and the requests and bytes the page fetched. Wall-clock times
   * depend on the machine's load, so they are reported with the load average.
   */
  @Test
  void measuresTheFirstViewOfEachScreen() {
    String site = firstDrcSite();
    String lot = server.get("/api/v1/lots?limit=1").json().get("items").get(0).get("id").asText();
    Map<String, String> screens = new java.util.LinkedHashMap<>();
    screens.put("overview", "");
    screens.put("map", "map");
    screens.put("flows", "flows");
    screens.put("alerts", "alerts");
    screens.put("site", "site/" + site);
    screens.put("lot", "lot/" + lot);
    screens.put("country", "country/CD");
    com.sun.management.OperatingSystemMXBean system =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    browser.executeCdpCommand("Performance.enable", Map.of());
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            java.util.Locale.ROOT,
            "first view with the demo world (load average %.1f on %d cores)%n"
                + "%-9s %-5s %9s %12s %11s %9s %8s%n",
            system.getSystemLoadAverage(),
            system.getAvailableProcessors(),
            "screen",
            "cache",
            "ready ms",
            "browser ms",
            "server ms",
            "requests",
            "kB"));
    for (String cache : List.of("cold", "warm")) {
      screens.forEach(
          (name, route) -> {
            String screen = route.isEmpty() ? "overview" : route.replaceAll("/.*", "");
            // to the screen (a change of the hash alone), then a reload of it: a full navigation
            browser.get(base() + "/#/" + route);
            waitReady(screen);
            if (cache.equals("cold")) {
              browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
            }
            double taskBefore = mainThreadSeconds();
            long cpuBefore = system.getProcessCpuTime();
            browser.navigate().refresh();
            waitReady(screen);
            long cpuAfter = system.getProcessCpuTime();
            double taskAfter = mainThreadSeconds();
            double ready = number("return window.oretraceReadyAt");
            double requests =
                number(
                    "return performance.getEntriesByType('resource')"
                        + ".filter(e => e.startTime <= window.oretraceReadyAt).length + 1");
            double kilobytes =
                number(
                    "return performance.getEntriesByType('navigation')"
                        + ".concat(performance.getEntriesByType('resource'))"
                        + ".filter(e => e.startTime <= window.oretraceReadyAt)"
                        + ".reduce((sum, e) => sum + (e.transferSize || 0), 0) / 1024");
            assertThat(ready).as("the ready time of %s was measured", name).isPositive();
            report.append(
                String.format(
                    java.util.Locale.ROOT,
                    "%-9s %-5s %9.0f %12.0f %11.0f %9.0f %8.0f%n",
                    name,
                    cache,
                    ready,
                    1000 * (taskAfter >= taskBefore ? taskAfter - taskBefore : taskAfter),
                    (cpuAfter - cpuBefore) / 1e6,
                    requests,
                    kilobytes));
            assertNoProblems();
          });
    }
    System.out.print(report);
  }

  /** The browser main thread's busy time so far, in seconds (Chrome's TaskDuration metric). */
  private double mainThreadSeconds() {
    Map<String, Object> metrics = browser.executeCdpCommand("Performance.getMetrics", Map.of());
    if (metrics.get("metrics") instanceof List<?> list) {
      for (Object metric : list) {
        if (metric instanceof Map<?, ?> entry
            && "TaskDuration".equals(entry.get("name"))
            && entry.get("value") instanceof Number value) {
          return value.doubleValue();
        }
      }
    }
    return Double.NaN;
  }

  private static String firstDrcSite() {
    for (JsonNode site : server.get("/api/v1/sites?limit=1000").json().get("items")) {
      if (site.get("country").asText().equals("CD")) {
        return site.get("id").asText();
      }
    }
    throw new AssertionError("the demo world has no DRC site");
  }

  /**
   * Colour-blind readers tell statuses and severities apart without colour: on the map each ICGLR
   * status has its own shape and letter and an armed group its own ring, each alert marker starts
   * with its severity's mark; the site screen names the status in words with the letter; the alert
   * list and an alert's page write each severity as a mark and a word.
   */
  @Test
  void statusAndSeverityReadWithoutColour() {
    browser.get(base() + "/#/map");
    waitReady("map");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> markers =
        (List<Map<String, Object>>)
            browser.executeScript(
                """
                return [...document.querySelectorAll('#map .site-marker svg')].map((svg) => {
                  const shape = svg.querySelector('circle:not([fill=none]), polygon, rect');
                  const ring = svg.querySelector('circle[fill=none]');
                  return {
                    status: svg.dataset.status,
                    armed: svg.dataset.armed,
                    shape: shape.tagName + ' ' + (shape.getAttribute('points') || ''),
                    letter: svg.querySelector('text').textContent,
                    ring: ring ? (ring.getAttribute('stroke-dasharray') ? 'dashed' : 'solid') : 'none',
                  };
                });
                """);
    assertThat(markers).hasSize(21);
    Map<Object, Object> shapeOfStatus = new java.util.HashMap<>();
    Map<Object, Object> letterOfStatus = new java.util.HashMap<>();
    Map<Object, Object> ringOfPresence = new java.util.HashMap<>();
    for (Map<String, Object> marker : markers) {
      assertThat(shapeOfStatus.computeIfAbsent(marker.get("status"), key -> marker.get("shape")))
          .as("one shape per status: %s", marker)
          .isEqualTo(marker.get("shape"));
      assertThat(letterOfStatus.computeIfAbsent(marker.get("status"), key -> marker.get("letter")))
          .as("one letter per status: %s", marker)
          .isEqualTo(marker.get("letter"));
      assertThat(ringOfPresence.computeIfAbsent(marker.get("armed"), key -> marker.get("ring")))
          .as("one ring per armed-group presence: %s", marker)
          .isEqualTo(marker.get("ring"));
    }
    assertThat(shapeOfStatus).as("statuses on the demo map").hasSizeGreaterThan(1);
    assertThat(new java.util.HashSet<>(shapeOfStatus.values()))
        .as("a different shape for each status")
        .hasSameSizeAs(shapeOfStatus.keySet());
    assertThat(new java.util.HashSet<>(letterOfStatus.values()))
        .as("a different letter for each status")
        .hasSameSizeAs(letterOfStatus.keySet());
    assertThat(ringOfPresence).as("armed-group presences on the demo map").hasSizeGreaterThan(1);
    assertThat(new java.util.HashSet<>(ringOfPresence.values()))
        .as("a different ring for each armed-group presence")
        .hasSameSizeAs(ringOfPresence.keySet());
    assertThat(ringOfPresence.get("none")).isEqualTo("none");
    List<WebElement> alertMarkers = browser.findElements(By.cssSelector("#map .alert-marker"));
    assertThat(alertMarkers).isNotEmpty();
    Map<String, String> marks = Map.of("high", "!!! ", "medium", "!! ", "low", "! ");
    for (WebElement marker : alertMarkers) {
      assertThat(marker.getText())
          .as("an alert marker's text starts with its severity's mark")
          .startsWith(marks.get(marker.getAttribute("data-severity")));
    }
    assertThat(text("#view .legend")).contains("!!! 3 high", "!! 3 medium", "! 3 low");
    assertNoProblems();

    browser.get(base() + "/#/site/" + firstDrcSite());
    waitReady("site");
    WebElement status = browser.findElement(By.cssSelector("#view dl .status"));
    String word = status.getAttribute("data-status");
    assertThat(status.getText()).containsIgnoringCase(word);
    assertThat(browser.executeScript("return arguments[0].textContent", status).toString())
        .startsWith(String.valueOf(letterOfStatus.get(word)));
    assertNoProblems();

    browser.get(base() + "/#/alerts");
    waitReady("alerts");
    List<WebElement> severities = browser.findElements(By.cssSelector("#alerts-table .severity"));
    assertThat(severities).isNotEmpty();
    for (WebElement severity : severities) {
      String level = severity.getAttribute("data-severity");
      assertThat(severity.getText()).isEqualTo(marks.get(level) + level);
    }
    browser.findElement(By.cssSelector("#alerts-table tbody tr a")).click();
    waitUntil(() -> !browser.findElements(By.id("alert-severity")).isEmpty(), "the alert");
    assertThat(text("#alert-severity")).matches("!{1,3} (high|medium|low)");
    assertNoProblems();
  }

  /**
   * The maps need nothing from outside: without a tile server no tile layer is drawn and no request
   * leaves the server's origin ({@link #assertNoProblems} fails on any). Given one ({@code serve
   * --map-tiles}), here a small tile server of the test's own, the maps draw its tiles under the
   * outlines, with its attribution.
   */
  @Test
  void theMapsDrawOnlineTilesOnlyWhenATileServerIsGiven() throws IOException {
    browser.get(base() + "/#/map");
    waitReady("map");
    assertThat(browser.findElement(By.id("map")).getAttribute("data-tiles")).isEqualTo("none");
    assertThat(browser.findElements(By.cssSelector("#map .leaflet-tile"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#map .leaflet-control-attribution"))).isEmpty();
    assertNoProblems();

    List<String> requested = new java.util.concurrent.CopyOnWriteArrayList<>();
    byte[] tile = tilePng();
    com.sun.net.httpserver.HttpServer tiles =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    tiles.createContext(
        "/tiles/",
        exchange -> {
          requested.add(exchange.getRequestURI().getPath());
          exchange.getResponseHeaders().set("Content-Type", "image/png");
          exchange.sendResponseHeaders(200, tile.length);
          try (var body = exchange.getResponseBody()) {
            body.write(tile);
          }
        });
    tiles.start();
    String tileOrigin = "http://127.0.0.1:" + tiles.getAddress().getPort();
    MapTiles settings =
        new MapTiles(tileOrigin + "/tiles/{z}/{x}/{y}.png", "Tiles © <the test's server>");
    try (TestServer withTiles =
        new TestServer(TestStores.sqlite(), config -> config.withMapTiles(settings))) {
      withTiles.store().registry().putSites(DemoWorld.world(7, 50).sites());
      withTiles
          .store()
          .accounts()
          .putOrganisation(server.store().accounts().organisation("cd-mines").orElseThrow());
      withTiles
          .store()
          .accounts()
          .addUser(
              new UserAccount(
                  USERNAME,
                  "cd-mines",
                  Role.ANALYST,
                  PasswordHashing.hash(PASSWORD),
                  Instant.now()));
      String tiled = "http://127.0.0.1:" + withTiles.port();
      browser.manage().deleteAllCookies();
      browser.get(tiled + "/");
      waitReady("login");
      browser.findElement(By.id("login-username")).sendKeys(USERNAME);
      browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
      browser.findElement(By.cssSelector("#login-form button")).click();
      waitReady("overview");
      browser.get(tiled + "/#/map");
      waitReady("map");
      assertThat(browser.findElement(By.id("map")).getAttribute("data-tiles")).isEqualTo("online");
      waitUntil(
          () -> !browser.findElements(By.cssSelector("#map img.leaflet-tile-loaded")).isEmpty(),
          "tiles from the tile server");
      assertThat(requested)
          .isNotEmpty()
          .allMatch(path -> path.matches("/tiles/\\d+/\\d+/\\d+\\.png"));
      assertThat(text("#map .leaflet-control-attribution"))
          .isEqualTo("Tiles © <the test's server>");
      List<String> outlineOpacities =
          browser
              .findElements(
                  By.cssSelector("#map .leaflet-overlay-pane path:not(.leaflet-interactive)"))
              .stream()
              .map(path -> path.getAttribute("fill-opacity"))
              .toList();
      assertThat(outlineOpacities)
          .as("the outlines drawn, letting the tiles show through")
          .isNotEmpty()
          .containsOnly("0");
      assertNoProblems(List.of(tileOrigin));
    } finally {
      tiles.stop(0);
    }
  }

  /** A 256-pixel square PNG tile of one colour. */
  private static byte[] tilePng() throws IOException {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(256, 256, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D graphics = image.createGraphics();
    graphics.setColor(new java.awt.Color(0xcc, 0xe5, 0xd0));
    graphics.fillRect(0, 0, 256, 256);
    graphics.dispose();
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

  /**
   * With an identity provider configured, the login page offers it beside the password form. The
   * provider is not contacted until a login starts, so an address that does not exist will do; the
   * link is not followed (it leaves for the provider's site).
   */
  @Test
  void theLoginPageOffersSigningInWithTheIdentityProviderWhenOneIsConfigured() {
    OidcConfig oidc =
        new OidcConfig(
            URI.create("https://login.example.org/realms/mines"),
            "oretrace",
            "client secret",
            URI.create("https://oretrace.example.org/api/v1/session/oidc/callback"),
            OidcConfig.DEFAULT_ORGANISATION_CLAIM,
            Map.of(),
            OidcConfig.DEFAULT_ROLE_CLAIM,
            Map.of());
    try (TestServer withOidc =
        new TestServer(TestStores.sqlite(), config -> config.withOidc(oidc))) {
      browser.manage().deleteAllCookies();
      browser.get("http://127.0.0.1:" + withOidc.port() + "/");
      waitReady("login");
      WebElement signIn = browser.findElement(By.id("login-oidc-link"));
      assertThat(signIn.isDisplayed()).isTrue();
      assertThat(signIn.getText()).isEqualTo("Sign in with login.example.org");
      assertThat(signIn.getAttribute("href"))
          .isEqualTo("http://127.0.0.1:" + withOidc.port() + "/api/v1/session/oidc/start");
      assertThat(browser.findElement(By.id("login-username")).isDisplayed()).isTrue();
      assertNoProblems();
    }
    // a deployment names its provider (serve --oidc-name) as its users know it
    try (TestServer named =
        new TestServer(
            TestStores.sqlite(),
            config -> config.withOidc(oidc).withOidcName("Ministry of Mines login"))) {
      browser.get("http://127.0.0.1:" + named.port() + "/");
      waitReady("login");
      assertThat(text("#login-oidc-link")).isEqualTo("Sign in with Ministry of Mines login");
      assertNoProblems();
    }
  }

  @Test
  void anUnknownLotIsToldNotFailed() {
    browser.get(base() + "/");
    waitReady("overview");
    browser.findElement(By.id("lot-search-input")).sendKeys("NO-SUCH-TAG");
    browser.findElement(By.cssSelector("#lot-search button")).click();
    waitUntil(() -> browser.findElement(By.id("problem")).isDisplayed(), "the problem banner");
    assertThat(text("#problem")).contains("NO-SUCH-TAG");
    assertThat(errors("return window.oretraceErrors")).isEmpty();
  }

  @Test
  void theBrowsersLedgerCheckRefusesADoctoredEventOrProof() {
    browser.get(base() + "/");
    waitReady("overview");
    @SuppressWarnings("unchecked")
    Map<String, Object> outcome =
        (Map<String, Object>)
            browser.executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                (async () => {
                  const ledger = await import("/js/ledger.js");
                  const api = await import("/js/api.js");
                  const lots = await api.getJson("/lots", { limit: 1 });
                  const history = await api.getJson(
                      "/lots/" + encodeURIComponent(lots.items[0].id) + "/events");
                  const event = history.events[0];
                  const honest = await ledger.verifyEvent(event);
                  const doctored = await ledger.verifyEvent(
                      { ...event, massGrams: (event.massGrams || 0) + 1 });
                  const proof = await api.getJson("/log/proof/inclusion", { event: event.id });
                  const bytes = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
                  const path = proof.hashes.map(bytes);
                  const leaf = bytes(proof.leafHash);
                  const root = (hashes) => ledger.rootFromInclusionPath(
                      proof.index, proof.size, leaf, hashes).then((r) => r && btoa(String.fromCharCode(...r)));
                  const flipped = path.map((hash, i) => i === 0 ? hash.map((b, j) => j === 0 ? b ^ 1 : b) : hash);
                  return {
                    honest: honest.ok,
                    doctoredEntry: doctored.steps[0].ok,
                    doctored: doctored.ok,
                    pathRoot: (await root(path)) === proof.rootHash,
                    flippedRoot: (await root(flipped)) === proof.rootHash,
                    shortRoot: path.length > 0 && (await root(path.slice(1))) === proof.rootHash,
                  };
                })().then(done, (error) => done({ error: String(error) }));
                """);
    assertThat(outcome)
        .containsEntry("honest", true)
        .containsEntry("doctoredEntry", false)
        .containsEntry("doctored", false)
        .containsEntry("pathRoot", true)
        .containsEntry("flippedRoot", false)
        .containsEntry("shortRoot", false);
    assertNoProblems();
  }

  @Test
  void theCountryScreenComparesProductionWithExportsAndFlagsTheMirrorGap() {
    browser.get(base() + "/");
    waitReady("overview");
    browser.findElement(By.cssSelector("#sites-table a[href='#/country/CD']")).click();
    waitReady("country");
    assertThat(text("h1")).contains("(CD)");
    assertThat(browser.findElements(By.cssSelector("#country-chart canvas"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#country-production tbody tr"))).isNotEmpty();
    String mineral = mirrorAlert.get("id").asText().split("-", -1)[2];
    String year = mirrorAlert.get("figures").get("year").asText();
    WebElement gapRow =
        browser.findElement(
            By.cssSelector(
                "#country-trade tr[data-mineral=" + mineral + "][data-year='" + year + "']"));
    assertThat(gapRow.findElements(By.cssSelector("[data-gap=high]")))
        .as("the mirror gap of %s in %s flagged: %s", mineral, year, gapRow.getText())
        .isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#country-sites tbody tr"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#country-actors tbody tr"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#country-alerts tbody tr"))).isNotEmpty();
    assertNoProblems();
    screenshot("country");

    // from the D10 alert to its detail, and back to the country through the alert's countries
    browser
        .findElement(
            By.cssSelector(
                "#country-mirror-alerts a[href='#/alerts/" + mirrorAlert.get("id").asText() + "']"))
        .click();
    waitReady("alerts");
    waitUntil(() -> !browser.findElements(By.id("alert-explanation")).isEmpty(), "the alert");
    assertThat(text("h1")).startsWith("D10");
    assertThat(text("#alert-explanation")).contains(mineral, year, "Congo");
    browser.findElement(By.cssSelector("#alert-countries a[href='#/country/CD']")).click();
    waitReady("country");
    assertNoProblems();

    // a country outside the analyst's need to know is said so, not failed
    browser.get(base() + "/#/country/RW");
    waitReady("country");
    assertThat(text("h1")).contains("not available");
    assertThat(text("#country-refused")).isNotBlank();
    assertThat(errors("return window.oretraceErrors")).isEmpty();
  }

  @Test
  void theNetworkScreenHighlightsThePathToAListedOwnerWithItsEvidence() {
    browser.get(base() + "/#/actor/" + BUYER);
    waitReady("actor");
    browser.findElement(By.cssSelector("#actor-network-link a")).click();
    waitReady("network");
    String network = "return Number(document.querySelector('#network').dataset.";
    assertThat(number(network + "nodes)")).isGreaterThan(3);
    assertThat(number(network + "highlighted)")).as("edges drawn on a path").isPositive();
    assertThat(browser.findElements(By.cssSelector("#network canvas"))).isNotEmpty();
    WebElement listed =
        browser.findElement(By.cssSelector("#network-paths li[data-target='listed:UN:CDi.005']"));
    assertThat(listed.getAttribute("data-kind")).isEqualTo("listed");
    assertThat(listed.getText()).contains("Listed", "owns 60%", "CDi.005");
    assertThat(listed.findElement(By.cssSelector(".path-chain")).getText())
        .contains("Gen. Bosco Ntaganda");
    assertNoProblems();
    screenshot("network");

    // one path alone, then a shallower neighbourhood
    double allHighlighted = number(network + "highlighted)");
    listed.findElement(By.cssSelector("button[data-path]")).click();
    waitUntil(() -> number(network + "highlighted)") <= allHighlighted, "the one path to be shown");
    assertThat(number(network + "highlighted)")).isEqualTo(3);
    double deeperNodes = number(network + "nodes)");
    new Select(browser.findElement(By.id("network-depth"))).selectByValue("1");
    waitUntil(() -> number(network + "nodes)") < deeperNodes, "the network to redraw");
    // the owner and the listed entry lie beyond one link: the path still names them
    WebElement shallow =
        browser.findElement(By.cssSelector("#network-paths li[data-target='listed:UN:CDi.005']"));
    assertThat(shallow.findElement(By.cssSelector(".path-chain")).getText())
        .contains("Gen. Bosco Ntaganda")
        .doesNotContain("P-1");
    assertThat(shallow.findElement(By.tagName("b")).getText()).contains("Bosco Ntaganda");
    assertNoProblems();

    // the D9 alert the listed owner raised links the trader's network
    browser.get(base() + "/#/alerts");
    waitReady("alerts");
    new Select(browser.findElement(By.id("alerts-detector"))).selectByValue("D9");
    waitUntil(
        () ->
            !browser.findElements(By.cssSelector("#alerts-table tbody tr")).isEmpty()
                && browser.findElements(By.cssSelector("#alerts-table tbody tr")).stream()
                    .allMatch(row -> row.getText().contains("D9")),
        "the D9 alerts");
    browser.findElement(By.cssSelector("#alerts-table tbody tr a")).click();
    waitUntil(() -> !browser.findElements(By.id("alert-actors")).isEmpty(), "the D9 alert");
    browser
        .findElement(By.cssSelector("#alert-actors a[href='#/network/" + LISTED_TRADER + "']"))
        .click();
    waitReady("network");
    assertThat(text("#network-paths")).contains("CDi.005");
    assertThat(text("#network-risk")).as("the listed trader's risk").contains("/100", "sanctions");
    assertNoProblems();
  }

  @Test
  void anInvestigatorOpensACaseFromAnAlertAndWorksItThroughEveryAction() throws IOException {
    logIn(INVESTIGATOR);
    browser.get(base() + "/#/alerts/" + mirrorAlert.get("id").asText());
    waitReady("alerts");
    browser.findElement(By.cssSelector("#alert-open-case button")).click();
    waitUntil(() -> !browser.findElements(By.id("case-title")).isEmpty(), "the new case");
    waitReady("cases");
    assertThat(text("#case-title")).startsWith("D10 mirror-trade");
    assertThat(text("#case-alerts")).contains(mirrorAlert.get("id").asText());
    assertThat(text("#case-owner")).as("the owner by name").isEqualTo("Ministère des Mines");
    assertThat(organisationIds("#case-owner")).containsExactly("cd-mines");

    act("assign", Map.of("assignee", "inspector Kahindo"));
    assertThat(text("#case-assignee")).isEqualTo("inspector Kahindo");
    act("note", Map.of("text", "Trucks seen crossing at Kasindi without export papers"));
    assertThat(text("#case-notes")).contains("Trucks seen crossing at Kasindi");
    assertThat(text("#case-notes")).as("who added it, by name").contains("Ministère des Mines");
    String lot = server.get("/api/v1/lots?limit=1").json().get("items").get(0).get("id").asText();
    act("attach", Map.of("kind", "lot", "value", lot));
    assertThat(text("#case-lots")).contains(lot);
    act("attach", Map.of("kind", "actor", "value", LISTED_TRADER));
    assertThat(text("#case-actors")).contains(LISTED_TRADER);

    byte[] photo = "a photo of the truck's papers".getBytes(StandardCharsets.UTF_8);
    Path file = Files.createTempFile(profile, "evidence", ".txt");
    Files.write(file, photo);
    act("evidence", Map.of("file", file.toString()));
    String sha256 = sha256(photo);
    assertThat(
            browser.findElements(By.cssSelector("#case-evidence li[data-sha256='" + sha256 + "']")))
        .as("the evidence listed by its SHA-256 %s: %s", sha256, text("#case-evidence"))
        .hasSize(1);

    // closing needs an outcome: refused without one, shown where the user acted
    act("state", Map.of("state", "closed"), false);
    assertThat(refusal("state")).contains("422");
    act("state", Map.of("state", "closed", "outcome", "60 t seized at Kasindi, referred to court"));
    assertThat(text("#case-outcome")).contains("60 t seized");
    act("share", Map.of("organisation", "police"));
    assertThat(text("#case-shared")).contains("Police");
    assertThat(organisationIds("#case-shared")).containsExactly("police");
    assertThat(text("#case-trail")).contains("Ministère des Mines", "shared with Police");
    assertThat(browser.findElements(By.cssSelector("#case-trail tbody tr")))
        .as("audit trail: open, assign, note, two attachments, evidence, close, share")
        .hasSize(8);
    waitUntil(
        () -> text("#case-alerts").contains("left without an export declaration"),
        "the alert's sentence in the case");
    assertNoProblems();
    screenshot("case");
    browser.manage().window().setSize(TABLET);
    waitUntil(
        () -> number("return document.documentElement.scrollWidth - window.innerWidth") <= 0,
        "the case to fit a tablet without horizontal scrolling");
    browser.manage().window().setSize(LAPTOP);

    // handed over, the case is police's: the former owner reads it, and is refused the owner's acts
    act("handover", Map.of("organisation", "police"));
    assertThat(text("#case-owner")).isEqualTo("Police");
    assertThat(organisationIds("#case-owner")).containsExactly("police");
    act("assign", Map.of("assignee", "inspector Kahindo again"), false);
    assertThat(refusal("assign")).contains("403", "Forbidden", "owning organisation");

    // the list filters by state
    String id = browser.getCurrentUrl().replaceAll(".*#/cases/", "");
    browser.findElement(By.cssSelector("a[href='#/cases']")).click();
    waitReady("cases");
    waitUntil(
        () -> !browser.findElements(By.cssSelector("#cases-table tbody tr[data-case]")).isEmpty(),
        "the cases");
    new Select(browser.findElement(By.id("cases-state"))).selectByValue("closed");
    waitUntil(
        () ->
            browser.findElements(By.cssSelector("#cases-table tbody tr[data-case]")).stream()
                .allMatch(row -> row.getText().contains("closed")),
        "the state filter");
    assertThat(browser.findElements(By.cssSelector("#cases-table tr[data-case='" + id + "']")))
        .hasSize(1);
    new Select(browser.findElement(By.id("cases-state"))).selectByValue("investigating");
    waitUntil(
        () ->
            browser
                .findElements(By.cssSelector("#cases-table tr[data-case='" + id + "']"))
                .isEmpty(),
        "the closed case to leave the investigating list");
    new Select(browser.findElement(By.id("cases-state"))).selectByValue("");
    waitUntil(
        () ->
            !browser
                .findElements(By.cssSelector("#cases-table tr[data-case='" + id + "']"))
                .isEmpty(),
        "every case");
    assertNoProblems();
    screenshot("cases");
  }

  @Test
  void anAnalystReadsCasesAndIsToldClearlyThatOpeningOneIsNotForTheirRole() {
    browser.get(base() + "/#/cases");
    waitReady("cases");
    assertThat(text("#cases-role")).contains("analyst", "investigators and admins");
    browser.findElement(By.id("case-open-title")).sendKeys("Suspicious comptoir");
    browser.findElement(By.cssSelector("#case-open button")).click();
    waitUntil(
        () -> browser.findElement(By.cssSelector("#case-open .refusal")).isDisplayed(),
        "the refusal");
    assertThat(text("#case-open .refusal")).contains("403", "Forbidden");
    assertThat(browser.getCurrentUrl()).endsWith("#/cases");

    // an alert's "open a case" is refused the same way
    browser.get(base() + "/#/alerts/" + mirrorAlert.get("id").asText());
    waitReady("alerts");
    browser.findElement(By.cssSelector("#alert-open-case button")).click();
    waitUntil(
        () -> browser.findElement(By.cssSelector("#alert-open-case .refusal")).isDisplayed(),
        "the refusal");
    assertThat(text("#alert-open-case .refusal")).contains("403");
    assertNoProblems();
  }

  @Test
  void aCustomsViewerIsToldThatNetworksAndCasesAreNotForTheirOrganisationOrRole() {
    logIn(CUSTOMS_VIEWER);
    browser.get(base() + "/#/network/" + BUYER);
    waitReady("network");
    assertThat(text("h1")).isEqualTo("Network not available");
    assertThat(text("#network-refused")).contains("403");
    browser.get(base() + "/#/cases");
    waitReady("cases");
    assertThat(text("#cases-role")).contains("viewer");
    assertThat(text("#cases-refused")).contains("403", "viewer");
    assertNoProblems();
  }

  /** Fills the case action form and submits it; waits for the case to be redrawn after it. */
  private void act(String action, Map<String, String> fields) {
    act(action, fields, true);
  }

  private void act(String action, Map<String, String> fields, boolean accepted) {
    String form = "#view form[data-action=" + action + "]";
    String version =
        String.valueOf(
            browser.executeScript("return document.getElementById('view').dataset.version"));
    fields.forEach(
        (name, value) -> {
          WebElement field = browser.findElement(By.cssSelector(form + " [name=" + name + "]"));
          if (field.getTagName().equals("select")) {
            new Select(field).selectByValue(value);
          } else {
            if (!"file".equals(field.getAttribute("type"))) {
              field.clear();
            }
            field.sendKeys(value);
          }
        });
    browser.findElement(By.cssSelector(form + " button[type=submit]")).click();
    if (accepted) {
      waitUntil(
          () ->
              !version.equals(
                  String.valueOf(
                      browser.executeScript(
                          "return document.getElementById('view').dataset.version"))),
          "the case to take the " + action);
    } else {
      waitUntil(
          () -> browser.findElement(By.cssSelector(form + " .refusal")).isDisplayed(),
          "the " + action + " to be refused");
    }
  }

  /**
   * Sets an input's value as a user's pick would (month inputs take no typing in headless Chrome).
   */
  private void changeValue(WebElement input, String value) {
    browser.executeScript(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
        input,
        value);
  }

  /** The ids of the organisations shown by name within the element. */
  private List<String> organisationIds(String selector) {
    return browser.findElements(By.cssSelector(selector + " [data-organisation]")).stream()
        .map(element -> element.getAttribute("data-organisation"))
        .toList();
  }

  private String refusal(String action) {
    return text("#view form[data-action=" + action + "] .refusal");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private void waitReady(String screen) {
    waitUntil(
        () -> screen.equals(browser.executeScript("return document.body.dataset.ready")),
        "screen " + screen + " to be ready");
    assertThat(browser.executeScript("return document.body.dataset.failed"))
        .as("screen %s failed: %s", screen, errors("return window.oretraceErrors"))
        .isNull();
  }

  private void waitUntil(Supplier<Boolean> condition, String what) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!holds(condition)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting for "
                + what
                + "; errors: "
                + errors("return window.oretraceErrors")
                + "; failed requests: "
                + errors("return window.oretraceFailedRequests"));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** A condition read from a page being redrawn: an element replaced meanwhile means not yet. */
  private static boolean holds(Supplier<Boolean> condition) {
    try {
      return Boolean.TRUE.equals(condition.get());
    } catch (StaleElementReferenceException e) {
      return false;
    }
  }

  /**
   * Fails on any script error, failed or foreign request, or SEVERE console entry so far. The one
   * exception: a refusal the page asked for and showed the user (a 403 or 422 answer to an action,
   * listed by api.js in {@code window.oretraceRefusals}), which the tests assert on where it shows.
   */
  private void assertNoProblems() {
    assertNoProblems(List.of());
  }

  /** {@link #assertNoProblems()}, with resources from these origins too (a tile server). */
  private void assertNoProblems(List<String> alsoFrom) {
    assertThat(errors("return window.oretraceErrors")).as("JavaScript errors").isEmpty();
    assertThat(errors("return window.oretraceFailedRequests")).as("failed API requests").isEmpty();
    List<String> refused = errors("return window.oretraceRefusals || []");
    assertThat(
            errors(
                    "const origins = [location.origin].concat(arguments[0]);"
                        + "return performance.getEntriesByType('resource')"
                        + ".filter(e => !origins.some(origin => e.name.startsWith(origin + '/'))"
                        + " || e.responseStatus >= 400)"
                        + ".map(e => e.name + ' ' + e.responseStatus)",
                    alsoFrom)
                .stream()
                .filter(resource -> !refused.contains(resource))
                .toList())
        .as("failed or foreign resources")
        .isEmpty();
    List<String> severe = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
          && refused.stream()
              .noneMatch(
                  refusal ->
                      entry
                          .getMessage()
                          .startsWith(refusal.substring(0, refusal.lastIndexOf(' '))))) {
        severe.add(entry.getMessage());
      }
    }
    assertThat(severe).as("browser console errors").isEmpty();
  }

  private List<String> errors(String script, Object... arguments) {
    Object result = ((JavascriptExecutor) browser).executeScript(script, arguments);
    List<String> messages = new ArrayList<>();
    if (result instanceof List<?> list) {
      list.forEach(item -> messages.add(String.valueOf(item)));
    }
    return messages;
  }

  private double number(String script) {
    Object value = browser.executeScript(script);
    return value instanceof Number number ? number.doubleValue() : Double.NaN;
  }

  private String text(String selector) {
    return browser.findElement(By.cssSelector(selector)).getText();
  }

  private void screenshot(String name) {
    if (!Boolean.getBoolean("oretrace.screenshots")) {
      return;
    }
    browser.executeScript("window.scrollTo(0, 0)");
    try {
      Path folder = Path.of("").toAbsolutePath().getParent().resolve("docs/screenshots");
      Files.createDirectories(folder);
      File shot = browser.getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(),
          folder.resolve(name + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
