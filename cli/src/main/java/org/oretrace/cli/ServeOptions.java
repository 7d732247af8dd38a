package org.oretrace.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.oretrace.server.OretraceServer;
import org.oretrace.server.ServerConfig;
import org.oretrace.server.api.MapTiles;
import org.oretrace.server.auth.OidcConfig;
import org.oretrace.server.epcis.WebhookAllowList;
import org.oretrace.server.epcis.WebhookTrust;
import org.oretrace.store.Recorder;
import picocli.CommandLine.Option;

/**
 * The options of a running server (host, port, the start-up admin token from the environment) and
 * the one way the command line runs one: start, say where it answers, and stop cleanly on Ctrl-C or
 * SIGTERM, closing the store after the server.
 */
final class ServeOptions {

  static final String ADMIN_TOKEN_VARIABLE = "ORETRACE_ADMIN_TOKEN";
  static final String WEBHOOK_TRUST_PASSWORD_VARIABLE = "ORETRACE_WEBHOOK_TRUST_PASSWORD";

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--map-tiles",
      paramLabel = "URL_TEMPLATE",
      description =
          "An online tile layer under the maps' country outlines, e.g."
              + " https://tiles.example.org/{z}/{x}/{y}.png (default: none; the maps then fetch"
              + " nothing from another site).")
  String mapTiles;

  @Option(
      names = "--map-tiles-attribution",
      paramLabel = "TEXT",
      description =
          "The attribution the tile server asks for, shown on every map (default: its host).")
  String mapTilesAttribution;

  @Option(
      names = "--oidc-name",
      paramLabel = "NAME",
      description =
          "The identity provider's name on the login page's \"Sign in with\" button"
              + " (default: the host of ORETRACE_OIDC_ISSUER).")
  String oidcName;

  @Option(
      names = "--webhook-allow",
      split = ",",
      paramLabel = "HOST[:PORT]|CIDR",
      description =
          "EPCIS webhook destinations allowed although they resolve to loopback, link-local,"
              + " private or multicast addresses (refused by default), e.g."
              + " hooks.internal:8443,10.20.0.0/16.")
  List<String> webhookAllow = List.of();

  @Option(
      names = "--webhook-trust",
      paramLabel = "FILE",
      description =
          "Certificate authorities an https EPCIS webhook receiver's certificate may chain to,"
              + " besides the JDK's: PEM certificates or a PKCS#12 trust store (its password, if"
              + " any, in "
              + WEBHOOK_TRUST_PASSWORD_VARIABLE
              + "). For receivers inside your network with certificates from a private authority"
              + " (default: the JDK's trust store alone).")
  Path webhookTrust;

  ServerConfig config() {
    String adminToken = System.getenv(ADMIN_TOKEN_VARIABLE);
    try {
      if (mapTiles == null && mapTilesAttribution != null) {
        throw new IllegalArgumentException("--map-tiles-attribution needs --map-tiles");
      }
      MapTiles tiles =
          mapTiles == null
              ? null
              : mapTilesAttribution == null
                  ? MapTiles.at(mapTiles)
                  : new MapTiles(mapTiles, mapTilesAttribution);
      return ServerConfig.builder()
          .host(host)
          .port(port)
          .adminToken(adminToken == null || adminToken.isBlank() ? null : adminToken)
          .oidc(OidcConfig.fromEnvironment(System.getenv()).orElse(null))
          .oidcName(oidcName)
          .mapTiles(tiles)
          .webhookAllow(WebhookAllowList.of(webhookAllow))
          .webhookTrust(webhookTrust())
          .build();
    } catch (IllegalArgumentException e) {
      throw new Failures.UserError(Main.EXIT_USAGE, e.getMessage());
    }
  }

  private WebhookTrust webhookTrust() {
    if (webhookTrust == null) {
      return WebhookTrust.jdkDefault();
    }
    String password = System.getenv(WEBHOOK_TRUST_PASSWORD_VARIABLE);
    return WebhookTrust.load(webhookTrust, password == null ? null : password.toCharArray());
  }

  /**
   * Starts the server over the recorder, runs {@code onStarted} with the URL, and blocks until
   * stopped.
   */
  static void runUntilStopped(
      ServerConfig config, Recorder recorder, java.util.function.Consumer<String> onStarted) {
    runUntilStopped(config, recorder, onStarted, () -> {});
  }

  /**
   * {@link #runUntilStopped(ServerConfig, Recorder, java.util.function.Consumer)}, closing {@code
   * beforeStore} (a Kafka publisher) after the server and before the store.
   */
  static void runUntilStopped(
      ServerConfig config,
      Recorder recorder,
      java.util.function.Consumer<String> onStarted,
      AutoCloseable beforeStore) {
    OretraceServer server = new OretraceServer(config, recorder);
    int boundPort;
    try {
      boundPort = server.start();
    } catch (RuntimeException e) {
      recorder.store().close();
      throw new Failures.UserError(
          Main.EXIT_IO,
          "cannot listen on " + config.host() + ":" + config.port() + ": " + rootMessage(e));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  try {
                    beforeStore.close();
                  } catch (Exception e) {
                    System.err.println("oretrace: while stopping: " + e.getMessage());
                  }
                  recorder.store().close();
                  stopped.countDown();
                },
                "oretrace-shutdown"));
    String shownHost = config.host().equals("0.0.0.0") ? "localhost" : config.host();
    onStarted.accept("http://" + shownHost + ":" + boundPort);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String rootMessage(Throwable throwable) {
    Throwable cause = throwable;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
