package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oretrace.server.ServerConfig;
import picocli.CommandLine;

/**
 * {@code serve --webhook-allow}: the entries reach the server's configuration; a bad entry is a
 * usage error naming it (and so is {@code serve} with it, before anything starts).
 */
class ServeOptionsTest {

  @Test
  void theAllowListReachesTheServersConfiguration() {
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
  void aBadEntryIsAUsageError() {
    CommandRun run = CommandRun.of("serve", "--port", "0", "--webhook-allow", "10.0.0.0/40");
    assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("10.0.0.0/40", "prefix length");
  }
}
