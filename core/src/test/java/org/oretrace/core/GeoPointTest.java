package org.oretrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GeoPointTest {

  @Test
  void acceptsTheWholeGlobeIncludingItsEdges() {
    new GeoPoint(-90, -180);
    new GeoPoint(90, 180);
    assertThat(new GeoPoint(-1.576, 28.892).latitude()).isEqualTo(-1.576);
  }

  @Test
  void refusesOutOfRangeAndNotANumber() {
    assertThatThrownBy(() -> new GeoPoint(90.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("latitude must be within -90..90, got 90.5");
    assertThatThrownBy(() -> new GeoPoint(0, -180.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("longitude must be within -180..180, got -180.1");
    assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latitude");
    assertThatThrownBy(() -> new GeoPoint(0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longitude");
  }

  @Test
  void measuresGreatCircleDistances() {
    GeoPoint origin = new GeoPoint(0, 0);
    // One degree of arc on the mean Earth radius.
    assertThat(origin.distanceMetres(new GeoPoint(0, 1))).isCloseTo(111_195.08, within(0.1));
    assertThat(origin.distanceMetres(new GeoPoint(1, 0))).isCloseTo(111_195.08, within(0.1));
    // Half the globe.
    assertThat(origin.distanceMetres(new GeoPoint(0, 180)))
        .isCloseTo(Math.PI * 6_371_008.8, within(0.01));
    // Rubaya to Goma, about 38 km as the crow flies.
    assertThat(new GeoPoint(-1.5760, 28.8920).distanceMetres(new GeoPoint(-1.6792, 29.2228)))
        .isBetween(36_000.0, 40_000.0);
  }

  @Test
  void distanceIsSymmetricZeroOnItselfAndObeysTheTriangleInequality() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      GeoPoint a = randomPoint(random);
      GeoPoint b = randomPoint(random);
      GeoPoint c = randomPoint(random);
      assertThat(a.distanceMetres(a)).isZero();
      assertThat(a.distanceMetres(b)).isCloseTo(b.distanceMetres(a), within(1e-6));
      assertThat(a.distanceMetres(c))
          .isLessThanOrEqualTo(a.distanceMetres(b) + b.distanceMetres(c) + 1e-6);
      assertThat(a.distanceMetres(b)).isBetween(0.0, Math.PI * 6_371_008.8 + 1e-6);
    }
  }

  private static GeoPoint randomPoint(Random random) {
    return new GeoPoint(random.nextDouble(-90, 90), random.nextDouble(-180, 180));
  }
}
