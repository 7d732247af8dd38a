package org.oretrace.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.oretrace.server.DemoWorld;
import org.oretrace.server.TestServer;
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

  private static TestServer server;
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
    profile = Files.createTempDirectory("oretrace-chromium");
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
    logIn();
  }

  /** Every screen needs a login: the DRC regulator's analyst, who sees the DRC's record. */
  private void logIn() {
    browser.get(base() + "/");
    waitReady("login");
    browser.findElement(By.id("login-username")).sendKeys(USERNAME);
    browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("#login-form button")).click();
    waitReady("overview");
    assertThat(text("#session-user")).contains(USERNAME, "Ministère des Mines");
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
    double readyMillis = number("return window.oretraceReadyAt");
    System.out.printf("overview ready %.0f ms after navigation%n", readyMillis);
    assertThat(readyMillis).as("first view time, ms").isLessThan(5_000);
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
    WebElement alert = browser.findElement(By.cssSelector("#alerts .alert-item"));
    assertThat(alert.getText()).isNotBlank();
    WebElement lot =
        alert.findElements(By.tagName("a")).stream()
            .filter(link -> link.getAttribute("href").contains("#/lot/"))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("the first alert links no lot: " + alert.getText()));
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
            .filter(id -> !id.equals("D9"))
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

    browser.findElements(By.cssSelector("#map .alert-marker")).getFirst().click();
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
  }

  @Test
  void fitsATabletWithoutHorizontalScrolling() {
    browser.manage().window().setSize(TABLET);
    for (String screen : List.of("overview", "map", "flows")) {
      browser.get(base() + "/#/" + (screen.equals("overview") ? "" : screen));
      waitReady(screen);
      assertThat(number("return document.documentElement.scrollWidth - window.innerWidth"))
          .as("horizontal overflow of %s", screen)
          .isLessThanOrEqualTo(0);
      assertNoProblems();
    }
    browser.get(base() + "/");
    waitReady("overview");
    screenshot("overview-tablet");
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
    while (!Boolean.TRUE.equals(condition.get())) {
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

  /** Fails on any script error, failed or foreign request, or SEVERE console entry so far. */
  private void assertNoProblems() {
    assertThat(errors("return window.oretraceErrors")).as("JavaScript errors").isEmpty();
    assertThat(errors("return window.oretraceFailedRequests")).as("failed API requests").isEmpty();
    assertThat(
            errors(
                "return performance.getEntriesByType('resource')"
                    + ".filter(e => !e.name.startsWith(location.origin + '/')"
                    + " || e.responseStatus >= 400)"
                    + ".map(e => e.name + ' ' + e.responseStatus)"))
        .as("failed or foreign resources")
        .isEmpty();
    List<String> severe = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        severe.add(entry.getMessage());
      }
    }
    assertThat(severe).as("browser console errors").isEmpty();
  }

  private List<String> errors(String script) {
    Object result = ((JavascriptExecutor) browser).executeScript(script);
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
