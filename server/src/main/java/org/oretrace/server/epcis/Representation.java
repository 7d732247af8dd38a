package org.oretrace.server.epcis;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * The representations of query answers and how a request's {@code Accept} header chooses among them
 * (RFC 9110 content negotiation): each candidate media type gets the quality of the most specific
 * media range that matches it ({@code application/xml} before {@code application/*} before {@code
 * *}{@code /*}); the highest quality wins; on a tie a range naming the type exactly beats a
 * wildcard, then JSON-LD beats XML. No {@code Accept} means JSON; nothing acceptable is 406.
 */
enum Representation {
  JSON_LD("application/ld+json"),
  JSON("application/json"),
  XML("application/xml; charset=UTF-8");

  private static final List<String> XML_TYPES = List.of("application/xml", "text/xml");

  private final String mediaType;

  Representation(String mediaType) {
    this.mediaType = mediaType;
  }

  String mediaType() {
    return mediaType;
  }

  static Representation of(Context context) {
    return of(context.header("Accept"));
  }

  static Representation of(String accept) {
    if (accept == null || accept.isBlank()) {
      return JSON;
    }
    Preference ldJson = preference(accept, "application/ld+json");
    Preference json = preference(accept, "application/json");
    Preference xml =
        best(preference(accept, XML_TYPES.get(0)), preference(accept, XML_TYPES.get(1)));
    Preference anyJson = best(ldJson, json);
    if (anyJson.quality() <= 0 && xml.quality() <= 0) {
      throw new EpcisProblem(
          406,
          EpcisProblem.NOT_ACCEPTABLE,
          "answers are application/ld+json, application/json or application/xml",
          List.of());
    }
    if (xml.compareTo(anyJson) > 0) {
      return XML;
    }
    return ldJson.quality() > 0 && ldJson.compareTo(json) >= 0 && ldJson.specificity() == 3
        ? JSON_LD
        : JSON;
  }

  /** How much the client wants a media type, and how specifically it said so (0 to 3). */
  private record Preference(double quality, int specificity) implements Comparable<Preference> {
    @Override
    public int compareTo(Preference other) {
      int byQuality = Double.compare(quality, other.quality);
      return byQuality != 0 ? byQuality : Integer.compare(specificity, other.specificity);
    }
  }

  private static Preference best(Preference first, Preference second) {
    return first.compareTo(second) >= 0 ? first : second;
  }

  private static Preference preference(String accept, String mediaType) {
    String[] wanted = mediaType.split("/");
    Preference chosen = new Preference(0, 0);
    int chosenSpecificity = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String[] type = parts[0].strip().toLowerCase(Locale.ROOT).split("/");
      if (type.length != 2) {
        continue;
      }
      int specificity;
      if (type[0].equals(wanted[0]) && type[1].equals(wanted[1])) {
        specificity = 3;
      } else if (type[0].equals(wanted[0]) && type[1].equals("*")) {
        specificity = 2;
      } else if (type[0].equals("*") && type[1].equals("*")) {
        specificity = 1;
      } else {
        continue;
      }
      if (specificity > chosenSpecificity) {
        chosenSpecificity = specificity;
        chosen = new Preference(quality(parts), specificity);
      }
    }
    return chosen;
  }

  private static double quality(String[] parameters) {
    for (int index = 1; index < parameters.length; index++) {
      String parameter = parameters[index].strip();
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
