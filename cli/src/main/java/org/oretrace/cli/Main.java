package org.oretrace.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The oretrace executable. Exit codes follow sysexits: 0 success, 64 usage error, 65 bad input
 * data, 66 missing input file, 70 internal error, 74 I/O or database error.
 */
@Command(
    name = "oretrace",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Traces critical minerals from mine to refiner and finds smuggling patterns.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      SimulateCommand.class,
      ImportCommand.class,
      ImportTradeCommand.class,
      TraceCommand.class,
      ExportCommand.class,
      TokenCommand.class,
      AccountCommands.OrganisationCommand.class,
      AccountCommands.UserCommand.class,
      VerifyCommand.class,
      WitnessCommand.class,
      CertificateCommand.class,
      FieldCommand.class,
      ScreenCommand.class,
      WatchListCommand.class,
      ImportEntitiesCommand.class,
      BenchCommand.class,
      DetectStreamCommand.class,
      StreamCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  static final int EXIT_USAGE = 64;
  static final int EXIT_DATA = 65;
  static final int EXIT_NO_INPUT = 66;
  static final int EXIT_SOFTWARE = 70;
  static final int EXIT_IO = 74;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests to run commands in process. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler(new Failures());
    commandLine.setExitCodeExceptionMapper(Failures::exitCode);
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"oretrace " + (version == null ? "development" : version)};
    }
  }
}
