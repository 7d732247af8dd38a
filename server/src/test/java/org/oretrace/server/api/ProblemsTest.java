package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Site;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.server.TestStores;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.Store;
import org.oretrace.store.TokenStore;

class ProblemsTest {

  @Test
  void answersAnUnexpectedFailureWith500WithoutItsDetails() {
    try (TestServer server = new TestServer(new StoreWithBrokenListings())) {
      Response response = server.get("/api/v1/sites");

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.contentType()).startsWith("application/problem+json");
      JsonNode problem = response.json();
      assertThat(problem.get("type").asText()).isEqualTo("urn:oretrace:problem:internal-error");
      assertThat(problem.get("title").asText()).isEqualTo("Internal error");
      assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/sites");
      assertThat(response.text())
          .doesNotContain("disk on fire", "IllegalStateException", "at org.");
      assertThat(server.get("/api/v1/health").status()).isEqualTo(200);
    }
  }

  @Test
  void answersEveryProblemWithTypeTitleStatusDetailAndErrors() {
    try (TestServer server = new TestServer()) {
      for (Response response :
          List.of(
              server.get("/api/v1/sites?limit=x"),
              server.get("/api/v1/sites/NOPE"),
              server.get("/api/v1/nothing"),
              server.post("/api/v1/events", "[]", null),
              server.post("/api/v1/events", "[]", server.viewerToken()),
              server.post("/api/v1/events", "[]", server.recorderToken()))) {
        JsonNode problem = response.json();
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(problem.fieldNames())
            .toIterable()
            .contains("type", "title", "status", "detail", "errors");
        assertThat(problem.get("status").asInt()).isEqualTo(response.status());
        assertThat(problem.get("errors").isArray()).isTrue();
      }
    }
  }

  /** A store whose site listing fails, as a broken disk would. */
  private static final class StoreWithBrokenListings implements Store {

    private final org.oretrace.store.Store delegate = TestStores.open();

    @Override
    public org.oretrace.store.AlertStore alerts() {
      return delegate.alerts();
    }

    @Override
    public org.oretrace.store.AccountStore accounts() {
      return delegate.accounts();
    }

    @Override
    public org.oretrace.store.DeviceStore devices() {
      return delegate.devices();
    }

    @Override
    public org.oretrace.store.EvidenceStore evidence() {
      return delegate.evidence();
    }

    @Override
    public org.oretrace.store.CaseStore cases() {
      return delegate.cases();
    }

    @Override
    public org.oretrace.store.WatchListStore watchLists() {
      return delegate.watchLists();
    }

    @Override
    public org.oretrace.store.AuditStore audits() {
      return delegate.audits();
    }

    @Override
    public org.oretrace.store.CommunityReportStore communityReports() {
      return delegate.communityReports();
    }

    @Override
    public org.oretrace.store.EntityStore entities() {
      return delegate.entities();
    }

    @Override
    public org.oretrace.store.ActorScreening screening() {
      return delegate.screening();
    }

    @Override
    public org.oretrace.store.TradeStatisticsStore tradeStatistics() {
      return delegate.tradeStatistics();
    }

    private final RegistryStore registry =
        new RegistryStore() {
          @Override
          public Optional<Site> site(String id) {
            return delegate.registry().site(id);
          }

          @Override
          public Optional<Actor> actor(String id) {
            return delegate.registry().actor(id);
          }

          @Override
          public void putSites(List<Site> sites) {
            delegate.registry().putSites(sites);
          }

          @Override
          public void putActors(List<Actor> actors) {
            delegate.registry().putActors(actors);
          }

          @Override
          public Page<Site> sites(SiteFilter filter, PageRequest page) {
            throw new IllegalStateException("disk on fire");
          }

          @Override
          public Page<Actor> actors(ActorFilter filter, PageRequest page) {
            return delegate.registry().actors(filter, page);
          }

          @Override
          public long siteCount() {
            return delegate.registry().siteCount();
          }

          @Override
          public long actorCount() {
            return delegate.registry().actorCount();
          }
        };

    @Override
    public RegistryStore registry() {
      return registry;
    }

    @Override
    public CustodyStore custody() {
      return delegate.custody();
    }

    @Override
    public org.oretrace.store.Ledger ledger() {
      return delegate.ledger();
    }

    @Override
    public TokenStore tokens() {
      return delegate.tokens();
    }

    @Override
    public org.oretrace.store.epcis.EpcisStore epcis() {
      return delegate.epcis();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
