package org.oretrace.stream;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;
import org.oretrace.store.json.Json;
import org.oretrace.store.json.RegistryJson;

/**
 * The registry as the compacted topics hold it: the detection application's global stores of sites
 * and actors (every instance holds all of them; the registry is thousands of entries), read through
 * the {@link Registry} interface the detectors know.
 *
 * <p>Detectors look sites and actors up several times an event, so a decoded entry is kept beside
 * the bytes it came from and decoded again only when the topic brought a new version.
 *
 * <p>An entry the topics have not brought yet is read from the store: the registry is committed
 * there before it is published, and publication is asynchronous (a slow or retried send must not
 * make detection judge an event without its site, which silently drops origin-risk and capacity
 * alerts).
 */
final class TopicRegistry implements Registry {

  private final Entries<Site> sites;
  private final Entries<Actor> actors;
  private final Registry committed;

  TopicRegistry(
      KeyValueStore<String, ValueAndTimestamp<byte[]>> sites,
      KeyValueStore<String, ValueAndTimestamp<byte[]>> actors,
      Registry committed) {
    this.committed = committed;
    this.sites = new Entries<>(sites, bytes -> RegistryJson.decodeSite(Json.parse(bytes)));
    this.actors = new Entries<>(actors, bytes -> RegistryJson.decodeActor(Json.parse(bytes)));
  }

  @Override
  public Optional<Site> site(String id) {
    return sites.get(id).or(() -> committed.site(id));
  }

  @Override
  public Optional<Actor> actor(String id) {
    return actors.get(id).or(() -> committed.actor(id));
  }

  private static final class Entries<T> {
    private final KeyValueStore<String, ValueAndTimestamp<byte[]>> store;
    private final Function<byte[], T> decoder;
    private final Map<String, Decoded<T>> decoded = new ConcurrentHashMap<>();

    Entries(KeyValueStore<String, ValueAndTimestamp<byte[]>> store, Function<byte[], T> decoder) {
      this.store = store;
      this.decoder = decoder;
    }

    Optional<T> get(String id) {
      ValueAndTimestamp<byte[]> stored = store.get(id);
      if (stored == null || stored.value() == null) {
        return Optional.empty();
      }
      Decoded<T> known = decoded.get(id);
      if (known == null || !Arrays.equals(known.bytes(), stored.value())) {
        known = new Decoded<>(stored.value(), decoder.apply(stored.value()));
        decoded.put(id, known);
      }
      return Optional.of(known.value());
    }
  }

  /** An entry decoded, beside the bytes it was decoded from. */
  private static final class Decoded<T> {
    private final byte[] bytes;
    private final T value;

    Decoded(byte[] bytes, T value) {
      this.bytes = bytes;
      this.value = value;
    }

    byte[] bytes() {
      return bytes;
    }

    T value() {
      return value;
    }
  }
}
