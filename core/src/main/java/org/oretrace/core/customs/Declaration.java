package org.oretrace.core.customs;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.oretrace.core.Country;
import org.oretrace.core.registry.Identifiers;

/**
 * An export declaration as customs receives it, before the export event is recorded: who exports,
 * where to, and each lot (by id or live tag number) with the mass declared for it.
 */
public record Declaration(String exporterId, Country destination, List<DeclaredLot> lots) {

  /** The most lots one declaration may carry. */
  public static final int MAX_LOTS = 1000;

  public Declaration {
    Identifiers.requireId(exporterId, "exporter");
    requireNonNull(destination, "destination is null");
    lots = List.copyOf(requireNonNull(lots, "lots is null"));
    if (lots.isEmpty() || lots.size() > MAX_LOTS) {
      throw new IllegalArgumentException("a declaration carries 1 to " + MAX_LOTS + " lots");
    }
    if (lots.stream().map(DeclaredLot::lotId).distinct().count() != lots.size()) {
      throw new IllegalArgumentException("a lot is declared twice");
    }
  }

  /**
   * One declared lot.
   *
   * @param lotId the lot's id or its live tag number
   */
  public record DeclaredLot(String lotId, long massGrams) {
    public DeclaredLot {
      Identifiers.requireId(lotId, "lot");
      if (massGrams <= 0) {
        throw new IllegalArgumentException("a declared mass must be positive");
      }
    }
  }
}
