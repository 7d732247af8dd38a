package org.oretrace.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.oretrace.core.access.Role;
import org.oretrace.server.auth.TokenSecrets;
import org.oretrace.server.auth.TokenSecrets.MintedToken;
import org.oretrace.store.Store;
import org.oretrace.store.TokenStore.ApiToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Manages API tokens. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Manage API tokens.",
    subcommands = {TokenCommand.Create.class})
final class TokenCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create an API token for an organisation and print it (only its hash is stored: keep it).",
        "Roles: viewer, analyst, recorder, investigator, admin."
      })
  static final class Create implements Callable<Integer> {

    @Mixin DataOptions data;

    @Option(
        names = "--org",
        required = true,
        description = "Registered organisation the token acts for (oretrace org add).")
    String organisation;

    @Option(names = "--role", required = true, description = "Role of the token.")
    String role;

    @Override
    public Integer call() {
      Role parsedRole;
      try {
        parsedRole = Role.fromWireName(role);
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(Main.EXIT_USAGE, "--role " + e.getMessage());
      }
      if (organisation.isBlank()) {
        throw new Failures.UserError(Main.EXIT_USAGE, "--org must not be blank");
      }
      MintedToken token = TokenSecrets.mint();
      try (Store store = data.openStore()) {
        if (store.accounts().organisation(organisation).isEmpty()) {
          throw new Failures.UserError(
              Main.EXIT_DATA,
              "organisation "
                  + organisation
                  + " is not registered; tokens belong to organisations (oretrace org add)");
        }
        store
            .tokens()
            .add(new ApiToken(token.secretHash(), organisation, parsedRole, Instant.now()));
      }
      System.err.printf(
          "oretrace: %s token for %s created; it is shown once:%n",
          parsedRole.wireName(), organisation);
      System.out.println(token.secret());
      return 0;
    }
  }
}
