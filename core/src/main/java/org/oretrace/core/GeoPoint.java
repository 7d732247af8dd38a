package org.oretrace.core;

/**
 * A place on the WGS 84 ellipsoid, in decimal degrees.
 *
 * @param latitude degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 */
public record GeoPoint(double latitude, double longitude) {

  private static final double EARTH_RADIUS_METRES = 6_371_008.8;

  public GeoPoint {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude must be within -90..90, got " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude must be within -180..180, got " + longitude);
    }
  }

  /** Great-circle distance in metres (haversine on the mean Earth radius). */
  public double distanceMetres(GeoPoint other) {
    double phi1 = Math.toRadians(latitude);
    double phi2 = Math.toRadians(other.latitude);
    double deltaPhi = phi2 - phi1;
    double deltaLambda = Math.toRadians(other.longitude - longitude);
    double haversine =
        Math.sin(deltaPhi / 2) * Math.sin(deltaPhi / 2)
            + Math.cos(phi1)
                * Math.cos(phi2)
                * Math.sin(deltaLambda / 2)
                * Math.sin(deltaLambda / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(haversine)));
  }
}
