package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;

/** One page of a listing: the items, where the page starts, and how many items match in all. */
public record Page<T>(List<T> items, long offset, long total) {

  public Page {
    items = List.copyOf(requireNonNull(items, "items is null"));
    if (offset < 0 || total < 0) {
      throw new IllegalArgumentException("offset and total must not be negative");
    }
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), offset, total);
  }
}
