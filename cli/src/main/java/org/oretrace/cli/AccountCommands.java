package org.oretrace.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.OidcLogin;
import org.oretrace.server.auth.PasswordHashing;
import org.oretrace.store.AccountStore.UserAccount;
import org.oretrace.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oretrace org} and {@code oretrace user}: the register of organisations and their users,
 * written straight into the data folder by whoever runs the instance (the API's {@code
 * /organisations} and {@code /users} do the same over HTTP).
 */
final class AccountCommands {

  private AccountCommands() {}

  @Command(
      name = "org",
      mixinStandardHelpOptions = true,
      description = "Manage organisations.",
      subcommands = {AddOrganisation.class, ListOrganisations.class})
  static final class OrganisationCommand implements Runnable {

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(System.out);
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add an organisation, or replace the one with its id.",
        "Types: regulator, customs, police, anti-corruption, fiu, auditor, company, community."
      })
  static final class AddOrganisation implements Callable<Integer> {

    @Mixin DataOptions data;

    @Option(names = "--id", required = true, description = "Short stable id, e.g. cd-customs.")
    String id;

    @Option(names = "--name", required = true, description = "Full name.")
    String name;

    @Option(names = "--type", required = true, description = "Organisation type.")
    String type;

    @Option(names = "--country", required = true, description = "ISO 3166-1 alpha-2 code.")
    String country;

    @Option(
        names = "--actor",
        description = "For a company: a registry actor it acts as (repeat for several).")
    List<String> actors = new ArrayList<>();

    @Override
    public Integer call() {
      if (id.equals(Authenticator.ADMIN_ORGANISATION)) {
        throw new Failures.UserError(Main.EXIT_USAGE, "--id " + id + " is reserved");
      }
      Organisation organisation;
      try {
        OrganisationType parsedType = OrganisationType.fromWireName(type);
        if (parsedType == OrganisationType.COMPANY && actors.isEmpty()) {
          throw new IllegalArgumentException("a company needs --actor (the actors it acts as)");
        }
        organisation = new Organisation(id, name, parsedType, new Country(country), actors);
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(Main.EXIT_USAGE, e.getMessage());
      }
      try (Store store = data.openStore()) {
        List<String> unknown =
            actors.stream().filter(actor -> store.registry().actor(actor).isEmpty()).toList();
        if (!unknown.isEmpty()) {
          throw new Failures.UserError(
              Main.EXIT_DATA, "actors not in the registry: " + String.join(", ", unknown));
        }
        store.accounts().putOrganisation(organisation);
      }
      System.err.printf(
          "oretrace: organisation %s (%s, %s) stored%n",
          organisation.id(), organisation.type().wireName(), organisation.country().code());
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List organisations.")
  static final class ListOrganisations implements Callable<Integer> {

    @Mixin DataOptions data;

    @Override
    public Integer call() {
      try (Store store = data.openStore()) {
        for (Organisation organisation : store.accounts().organisations()) {
          System.out.printf(
              "%-24s %-16s %-3s %s%s%n",
              organisation.id(),
              organisation.type().wireName(),
              organisation.country().code(),
              organisation.name(),
              organisation.actorIds().isEmpty()
                  ? ""
                  : " (actors: " + String.join(", ", organisation.actorIds()) + ")");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "user",
      mixinStandardHelpOptions = true,
      description = "Manage users who log in to the web application.",
      subcommands = {AddUser.class})
  static final class UserCommand implements Runnable {

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(System.out);
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a user to an organisation. The password is read from the terminal (or one line of"
            + " standard input) and stored only as its scrypt hash.",
        "Roles: viewer, analyst, recorder, investigator, admin."
      })
  static final class AddUser implements Callable<Integer> {

    @Mixin DataOptions data;

    @Option(names = "--username", required = true, description = "Login name.")
    String username;

    @Option(names = "--org", required = true, description = "Organisation id.")
    String organisation;

    @Option(names = "--role", required = true, description = "Role of the user.")
    String role;

    @Override
    public Integer call() {
      if (username.startsWith(OidcLogin.USERNAME_PREFIX)) {
        // Checked before the password is asked for: an OIDC user logs in at the provider only.
        throw new Failures.UserError(
            Main.EXIT_USAGE,
            "--username: names starting with '"
                + OidcLogin.USERNAME_PREFIX
                + "' are reserved for users of the identity provider (OIDC); choose another name");
      }
      Role parsedRole;
      try {
        parsedRole = Role.fromWireName(role);
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(Main.EXIT_USAGE, "--role " + e.getMessage());
      }
      String hash;
      try {
        hash = PasswordHashing.hash(readPassword());
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(Main.EXIT_DATA, e.getMessage());
      }
      try (Store store = data.openStore()) {
        if (store.accounts().organisation(organisation).isEmpty()) {
          throw new Failures.UserError(
              Main.EXIT_DATA,
              "organisation " + organisation + " is not registered (oretrace org add)");
        }
        UserAccount user;
        try {
          user = new UserAccount(username, organisation, parsedRole, hash, Instant.now());
        } catch (IllegalArgumentException e) {
          throw new Failures.UserError(Main.EXIT_USAGE, e.getMessage());
        }
        if (!store.accounts().addUser(user)) {
          throw new Failures.UserError(Main.EXIT_DATA, "username " + username + " is taken");
        }
      }
      System.err.printf(
          "oretrace: user %s (%s of %s) added%n", username, parsedRole.wireName(), organisation);
      return 0;
    }

    private static String readPassword() {
      Console console = System.console();
      if (console != null) {
        char[] typed =
            console.readPassword(
                "Password (at least %d characters): ", PasswordHashing.MINIMUM_LENGTH);
        return typed == null ? "" : new String(typed);
      }
      try {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
      } catch (IOException e) {
        throw new Failures.UserError(
            Main.EXIT_IO, "could not read the password: " + e.getMessage());
      }
    }
  }
}
