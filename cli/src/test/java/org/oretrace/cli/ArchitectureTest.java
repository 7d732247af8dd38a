package org.oretrace.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the dependency direction of DESIGN.md: the domain (core) knows nothing of storage, HTTP,
 * the command line or serialisation frameworks; storage knows nothing of HTTP; only the SQLite
 * package speaks JDBC; only the stream module speaks Kafka.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.oretrace");
  }

  @Test
  void coreIsPureDomain() {
    noClasses()
        .that()
        .resideInAPackage("org.oretrace.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.oretrace.store..",
            "org.oretrace.server..",
            "org.oretrace.sim..",
            "org.oretrace.stream..",
            "org.oretrace.cli..",
            "com.fasterxml..",
            "io.javalin..",
            "picocli..",
            "java.sql..",
            "org.flywaydb..",
            "org.slf4j..")
        .check(classes);
  }

  @Test
  void theRegistryDoesNotKnowCustodyAndTheLineageIndexKnowsOnlyInts() {
    noClasses()
        .that()
        .resideInAPackage("org.oretrace.core.registry..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.oretrace.core.custody..", "org.oretrace.core.lineage..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.oretrace.core.lineage..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.oretrace.core.custody..")
        .check(classes);
  }

  @Test
  void storageKnowsNothingOfHttpOrTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("org.oretrace.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.oretrace.server..",
            "org.oretrace.sim..",
            "org.oretrace.stream..",
            "org.oretrace.cli..",
            "io.javalin..",
            "picocli..")
        .check(classes);
  }

  @Test
  void onlyTheStreamModuleSpeaksKafka() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.oretrace.stream..")
        .and()
        .resideInAPackage("org.oretrace..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "kafka..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.oretrace.stream..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.oretrace.server..", "org.oretrace.cli..", "io.javalin..", "picocli..")
        .check(classes);
  }

  @Test
  void onlyTheStoresJdbcPackagesSpeakJdbc() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.oretrace.store.jdbc..",
            "org.oretrace.store.sqlite..",
            "org.oretrace.store.postgres..",
            // The peers bench compare holds Oretrace against speak their own SQL.
            "org.oretrace.cli.peers..")
        .and()
        .resideInAPackage("org.oretrace..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "org.flywaydb..",
            "org.sqlite..",
            "org.postgresql..",
            "org.duckdb..",
            "com.zaxxer.hikari..")
        .check(classes);
  }

  @Test
  void theServerAndSimulatorDoNotDependOnTheCommandLine() {
    noClasses()
        .that()
        .resideInAnyPackage("org.oretrace.server..", "org.oretrace.sim..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.oretrace.cli..", "picocli..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.oretrace.sim..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.oretrace.server..", "io.javalin..")
        .check(classes);
  }
}
