package org.oretrace.cli;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.server.auth.PasswordHashing;
import org.oretrace.store.AccountStore;
import org.oretrace.store.AccountStore.UserAccount;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.Store;

/**
 * The demo's organisations and users, one per kind of view: the DRC's mining regulator, customs and
 * police, a Congolese comptoir and a smelter abroad. Organisations are added once; each run gives
 * every demo user a fresh random password (printed, never stored in clear), so that a demo left
 * running on a network is not open with a password from the README.
 */
final class DemoAccounts {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Country DRC = new Country("CD");

  /** A login to print: who, for which organisation, and this run's password. */
  record Login(String username, String organisation, String description, String password) {}

  private DemoAccounts() {}

  static List<Login> seed(Store store) {
    AccountStore accounts = store.accounts();
    List<Login> logins = new ArrayList<>();
    add(
        accounts,
        logins,
        agency("cd-mines", "Ministère des Mines (DRC)", OrganisationType.REGULATOR),
        "amani@cd-mines",
        Role.INVESTIGATOR,
        "the DRC's whole custody record");
    add(
        accounts,
        logins,
        agency("cd-customs", "Direction Générale des Douanes (DRC)", OrganisationType.CUSTOMS),
        "joseph@cd-customs",
        Role.ANALYST,
        "exports, imports and what crosses DRC borders");
    add(
        accounts,
        logins,
        agency("cd-police", "Police Nationale Congolaise, mines unit", OrganisationType.POLICE),
        "grace@cd-police",
        Role.INVESTIGATOR,
        "the DRC's record and the cases shared with it");
    Set<String> active = activeActors(store);
    firstActor(store, ActorKind.COMPTOIR, active)
        .ifPresent(
            comptoir ->
                add(
                    accounts,
                    logins,
                    company("comptoir", comptoir),
                    "buyer@comptoir",
                    Role.VIEWER,
                    comptoir.name() + "'s supply chain only"));
    firstActor(store, ActorKind.SMELTER, active)
        .ifPresent(
            smelter ->
                add(
                    accounts,
                    logins,
                    company("smelter", smelter),
                    "compliance@smelter",
                    Role.VIEWER,
                    smelter.name() + "'s supply chain only"));
    return logins;
  }

  private static Organisation agency(String id, String name, OrganisationType type) {
    return new Organisation(id, name, type, DRC, List.of());
  }

  private static Organisation company(String id, Actor actor) {
    return new Organisation(
        id, actor.name(), OrganisationType.COMPANY, actor.country(), List.of(actor.id()));
  }

  private static void add(
      AccountStore accounts,
      List<Login> logins,
      Organisation organisation,
      String username,
      Role role,
      String sees) {
    if (accounts.organisation(organisation.id()).isEmpty()) {
      accounts.putOrganisation(organisation);
    }
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String hash = PasswordHashing.hash(password);
    if (!accounts.setPassword(username, hash)) {
      accounts.addUser(new UserAccount(username, organisation.id(), role, hash, Instant.now()));
    }
    logins.add(
        new Login(username, organisation.id(), role.wireName() + ", sees " + sees, password));
  }

  /** Actors that performed events early in the record, so that the demo companies have a chain. */
  private static Set<String> activeActors(Store store) {
    Set<String> actors = new LinkedHashSet<>();
    for (StoredEvent stored : store.custody().events(0, 20_000)) {
      actors.add(stored.event().context().actorId());
    }
    return actors;
  }

  private static Optional<Actor> firstActor(Store store, ActorKind kind, Set<String> active) {
    return active.stream()
        .map(id -> store.registry().actor(id).orElse(null))
        .filter(actor -> actor != null && actor.kind() == kind)
        .findFirst();
  }
}
