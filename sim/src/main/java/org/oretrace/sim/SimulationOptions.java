package org.oretrace.sim;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What to generate: the seed (same seed and options, same world), the number of lots tagged at mine
 * sites, the first day of the simulated period, and the rates of the smuggling schemes to plant
 * (none unless asked). The period lasts at least six months and grows with the number of lots so
 * that no site produces beyond its assessed capacity.
 */
public record SimulationOptions(long seed, int lots, LocalDate start, SchemeRates schemes) {

  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_LOTS = 2_000;
  public static final LocalDate DEFAULT_START = LocalDate.of(2024, 1, 1);

  public SimulationOptions {
    requireNonNull(start, "start is null");
    requireNonNull(schemes, "schemes is null");
    if (lots < 1) {
      throw new IllegalArgumentException("lots must be at least 1, got " + lots);
    }
  }

  /** Options for an honest world. */
  public SimulationOptions(long seed, int lots, LocalDate start) {
    this(seed, lots, start, SchemeRates.none());
  }

  /** The same options with these scheme rates. */
  public SimulationOptions withSchemes(SchemeRates rates) {
    return new SimulationOptions(seed, lots, start, rates);
  }

  /** Options with the given seed and size, starting on {@link #DEFAULT_START}. */
  public static SimulationOptions of(long seed, int lots) {
    return new SimulationOptions(seed, lots, DEFAULT_START);
  }

  /** The demo's options: seed 42, 2,000 lots, starting on 1 January 2024. */
  public static SimulationOptions defaults() {
    return of(DEFAULT_SEED, DEFAULT_LOTS);
  }
}
