package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;

/**
 * The set-up the subscription tests share: a server with its registry seeded and a named query
 * "shipped" (every event with business step shipping) saved by the start-up administrator.
 */
final class ShippedQuery {

  static final String NAME = "shipped";

  private ShippedQuery() {}

  static void save(TestServer server) {
    server.seedRegistry();
    Response saved =
        server.post(
            "/epcis/queries",
            "{\"name\": \"" + NAME + "\", \"query\": {\"EQ_bizStep\": [\"shipping\"]}}",
            TestServer.START_UP_ADMIN_TOKEN);
    assertThat(saved.status()).as(saved.text()).isEqualTo(201);
  }
}
