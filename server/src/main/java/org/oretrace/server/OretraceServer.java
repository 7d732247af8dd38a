package org.oretrace.server;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.util.List;
import org.oretrace.server.api.ApiRoutes;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.store.Recorder;
import org.oretrace.store.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Oretrace HTTP server: the API under {@code /api/v1} and the landing page at {@code /}, on
 * Javalin (Jetty 12). Its lifecycle is explicit: construct, {@link #start()} (which returns the
 * bound port, useful with port 0), {@link #stop()}. It does not own the {@link Recorder}: whoever
 * opened the store closes it after stopping the server.
 */
public final class OretraceServer implements AutoCloseable {

  /** The largest request body accepted; an event batch of 100,000 events fits. */
  static final long MAX_REQUEST_BYTES = 64L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(OretraceServer.class);

  private final ServerConfig config;
  private final Javalin javalin;
  private boolean started;

  public OretraceServer(ServerConfig config, Recorder recorder) {
    this.config = requireNonNull(config, "config is null");
    requireNonNull(recorder, "recorder is null");
    Authenticator authenticator =
        new Authenticator(
            recorder.store().tokens(), recorder.store().accounts(), config.adminToken());
    this.javalin =
        Javalin.create(
            javalinConfig -> {
              javalinConfig.startup.showJavalinBanner = false;
              javalinConfig.startup.showOldJavalinVersionWarning = false;
              javalinConfig.http.maxRequestSize = MAX_REQUEST_BYTES;
              javalinConfig.jsonMapper(new JavalinJackson(Json.mapper(), false));
              javalinConfig.staticFiles.add("/public", Location.CLASSPATH);
              ApiRoutes.register(
                  javalinConfig.routes,
                  javalinConfig.events,
                  recorder,
                  authenticator,
                  config.keepClientAddresses(),
                  config.oidc(),
                  config.oidcDisplayName(),
                  config.mapTiles(),
                  config.webhookAllow(),
                  config.webhookTrust());
            });
  }

  /**
   * Binds the configured host and port and starts answering.
   *
   * @return the bound port
   */
  public synchronized int start() {
    if (started) {
      throw new IllegalStateException("the server is already started");
    }
    javalin.start(config.host(), config.port());
    started = true;
    LOG.info("Oretrace serving on http://{}:{}/ ({})", config.host(), port(), config);
    return port();
  }

  /** The bound port; only meaningful once started. */
  public int port() {
    return javalin.port();
  }

  public ServerConfig config() {
    return config;
  }

  /** Stops answering and releases the port. Stopping a stopped server does nothing. */
  public synchronized void stop() {
    if (started) {
      javalin.stop();
      started = false;
      LOG.info("Oretrace server stopped");
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Every HTTP route, as "METHOD /path", e.g. "GET /api/v1/lots/{id}". */
  List<String> routes() {
    return javalin.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(
            endpoint -> endpoint.method.isHttpMethod() && !endpoint.method.equals(HandlerType.HEAD))
        .map(OretraceServer::describe)
        .sorted()
        .toList();
  }

  private static String describe(Endpoint endpoint) {
    // Javalin's <name> parameters (which may hold slashes) are OpenAPI's {name}.
    String path = endpoint.path.replace('<', '{').replace('>', '}');
    return endpoint.method.name() + " " + path;
  }
}
