package org.oretrace.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.trade.TradeStatistic;
import org.oretrace.store.NationalTrade;
import org.oretrace.store.Store;
import org.oretrace.store.trade.TradeStatisticsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Imports national trade statistics (a Comtrade-like CSV) into the data folder and judges them: the
 * whole file is read and checked before anything is stored, then D10 mirror-trade compares every
 * country's figures with its partners', its custody record and its mines' capacity.
 */
@Command(
    name = "import-trade",
    mixinStandardHelpOptions = true,
    description = {
      "Import national trade statistics (Comtrade-like CSV) and run D10 mirror-trade on them.",
      "Columns (by header, Comtrade names accepted): reporter, partner, year, month (optional),"
          + " hs, flow (export/import), netMassKg, valueUsd (optional).",
      "A line already imported (same reporter, partner, period, HS code and flow) is replaced."
    })
final class ImportTradeCommand implements Callable<Integer> {

  @Mixin DataOptions data;

  @Parameters(paramLabel = "FILE", description = "CSV file of trade statistics.")
  Path file;

  @Override
  public Integer call() {
    InputFiles.requireFile(file);
    List<TradeStatistic> lines;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines = TradeStatisticsCsv.read(reader, file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Store store = data.openStore()) {
      NationalTrade trade = NationalTrade.open(store);
      NationalTrade.Imported imported = trade.importStatistics(lines);
      System.err.printf(
          "oretrace: imported %,d lines of trade statistics into %s; D10 mirror-trade raised %,d"
              + " alerts%n",
          imported.lines(), data.describe(), imported.alerts().size());
      for (Alert alert : imported.alerts()) {
        System.out.println(alert.id() + "  " + alert.explanation());
      }
    }
    return 0;
  }
}
