package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.server.ServerConfig;
import org.oretrace.server.api.MapTiles;
import org.oretrace.server.epcis.WebhookTrust;
import picocli.CommandLine;

/**
 * The settings of {@code serve} and {@code demo}: {@code --map-tiles} with its attribution, {@code
 * --oidc-name}, {@code --webhook-allow} and {@code --webhook-trust}; bad values are usage errors
 * before any data is opened.
 */
class ServeOptionsTest {

  @TempDir Path folder;

  @Test
  void noTileLayerUnlessOneIsGiven() {
    ServerConfig config = options().config();
    assertThat(config.mapTiles()).isNull();
    assertThat(config.oidcName()).isNull();
  }

  @Test
  void aTileLayerTakesItsAttributionOrTheTileServersHost() {
    ServeOptions options = options();
    options.mapTiles = "https://tiles.example.org/{z}/{x}/{y}.png";
    assertThat(options.config().mapTiles())
        .isEqualTo(
            new MapTiles(
                "https://tiles.example.org/{z}/{x}/{y}.png", "Map tiles: tiles.example.org"));
    options.mapTilesAttribution = "© OpenStreetMap contributors";
    assertThat(options.config().mapTiles().attribution()).isEqualTo("© OpenStreetMap contributors");
  }

  @Test
  void badTileSettingsAreUsageErrors() {
    CommandRun notATemplate =
        serve("--map-tiles", "https://tiles.example.org/tile.png", "--data", data());
    assertThat(notATemplate.exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThat(notATemplate.err()).contains("{z}, {x} and {y}");
    CommandRun notHttp = serve("--map-tiles", "file:///tiles/{z}/{x}/{y}.png", "--data", data());
    assertThat(notHttp.exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThat(notHttp.err()).contains("http or https");
    CommandRun attributionAlone = serve("--map-tiles-attribution", "© somebody", "--data", data());
    assertThat(attributionAlone.exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThat(attributionAlone.err()).contains("--map-tiles-attribution needs --map-tiles");
  }

  @Test
  void aProviderNameNeedsAProvider() {
    assumeTrue(
        System.getenv("ORETRACE_OIDC_ISSUER") == null,
        "ORETRACE_OIDC_ISSUER is set in this environment");
    CommandRun run = serve("--oidc-name", "Ministry login", "--data", data());
    assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("ORETRACE_OIDC_ISSUER");
  }

  @Test
  void theWebhookAllowListReachesTheServersConfiguration() {
    ServeOptions options =
        CommandLine.populateCommand(
            new ServeOptions(),
            "--webhook-allow",
            "hooks.internal:8443,10.20.0.0/16",
            "--webhook-allow",
            "127.0.0.1:9000");
    ServerConfig config = options.config();
    assertThat(config.webhookAllow())
        .hasToString("hooks.internal:8443,127.0.0.1:9000,10.20.0.0/16");
    assertThat(CommandLine.populateCommand(new ServeOptions()).config().webhookAllow().isEmpty())
        .as("nothing restricted is allowed by default")
        .isTrue();
  }

  @Test
  void theJdksTrustServesWebhooksUnlessATrustStoreIsGiven() throws Exception {
    assertThat(options().config().webhookTrust()).isSameAs(WebhookTrust.jdkDefault());
    // Any certificate will do to read a PEM file: one of the JDK's own authorities.
    TrustManagerFactory jdk =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    jdk.init((KeyStore) null);
    X509Certificate authority =
        ((X509TrustManager) jdk.getTrustManagers()[0]).getAcceptedIssuers()[0];
    Path pem =
        Files.writeString(
            folder.resolve("agency.pem"),
            "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(authority.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    assertThat(
            CommandLine.populateCommand(new ServeOptions(), "--webhook-trust", pem.toString())
                .config()
                .webhookTrust()
                .toString())
        .contains("1 certificate(s)", "agency.pem");

    CommandRun missing =
        serve(
            "--port",
            "0",
            "--webhook-trust",
            folder.resolve("missing.pem").toString(),
            "--data",
            data());
    assertThat(missing.exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThat(missing.err()).contains("missing.pem", "cannot be read");
    Path notCertificates = Files.writeString(folder.resolve("notes.pem"), "-----BEGIN NOTHING");
    CommandRun refused =
        serve("--port", "0", "--webhook-trust", notCertificates.toString(), "--data", data());
    assertThat(refused.exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThat(refused.err()).contains("notes.pem", "holds no certificate");
  }

  @Test
  void aBadWebhookAllowEntryIsAUsageError() {
    CommandRun run = serve("--port", "0", "--webhook-allow", "10.0.0.0/40", "--data", data());
    assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("10.0.0.0/40", "prefix length");
  }

  private static ServeOptions options() {
    ServeOptions options = new ServeOptions();
    options.host = "127.0.0.1";
    options.port = 0;
    return options;
  }

  private String data() {
    return folder.resolve("data").toString();
  }

  private static CommandRun serve(String... arguments) {
    String[] all = new String[arguments.length + 1];
    all[0] = "serve";
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    return CommandRun.of(all);
  }
}
