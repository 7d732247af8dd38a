package org.oretrace.core.screening;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a country as lists write it ("Democratic Republic of the Congo", "Iran (Islamic Republic
 * of)", "Korea, North", "CD") to its ISO 3166-1 alpha-2 code, so that a query's country and an
 * entry's nationalities and addresses compare. Names are the JDK's English display names plus the
 * official and customary forms the UN and OFAC lists use.
 */
final class CountryNames {

  private static final Map<String, String> CODES = new HashMap<>();
  private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

  static {
    for (String code : Locale.getISOCountries()) {
      CODES.put(key(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)), code);
    }
    String[][] aliases = {
      {"democratic republic of the congo", "CD"},
      {"congo democratic republic", "CD"},
      {"drc", "CD"},
      {"dr congo", "CD"},
      {"congo kinshasa", "CD"},
      {"zaire", "CD"},
      {"republic of the congo", "CG"},
      {"congo brazzaville", "CG"},
      {"congo", "CG"},
      {"russian federation", "RU"},
      {"russia", "RU"},
      {"iran islamic republic of", "IR"},
      {"iran", "IR"},
      {"syrian arab republic", "SY"},
      {"syria", "SY"},
      {"united states", "US"},
      {"united states of america", "US"},
      {"usa", "US"},
      {"us", "US"},
      {"united kingdom", "GB"},
      {"uk", "GB"},
      {"united kingdom of great britain and northern ireland", "GB"},
      {"great britain", "GB"},
      {"democratic peoples republic of korea", "KP"},
      {"korea north", "KP"},
      {"north korea", "KP"},
      {"dprk", "KP"},
      {"republic of korea", "KR"},
      {"korea south", "KR"},
      {"south korea", "KR"},
      {"viet nam", "VN"},
      {"vietnam", "VN"},
      {"lao peoples democratic republic", "LA"},
      {"laos", "LA"},
      {"turkey", "TR"},
      {"turkiye", "TR"},
      {"bolivia plurinational state of", "BO"},
      {"bolivia", "BO"},
      {"venezuela bolivarian republic of", "VE"},
      {"venezuela", "VE"},
      {"united republic of tanzania", "TZ"},
      {"tanzania", "TZ"},
      {"burma", "MM"},
      {"myanmar", "MM"},
      {"cote divoire", "CI"},
      {"ivory coast", "CI"},
      {"state of palestine", "PS"},
      {"palestinian territories", "PS"},
      {"west bank", "PS"},
      {"gaza", "PS"},
      {"republic of moldova", "MD"},
      {"moldova", "MD"},
      {"czech republic", "CZ"},
      {"czechia", "CZ"},
      {"libyan arab jamahiriya", "LY"},
      {"libya", "LY"},
      {"south sudan", "SS"},
      {"sudan", "SD"},
      {"central african republic", "CF"},
      {"bosnia and herzegovina", "BA"},
      {"north macedonia", "MK"},
      {"macedonia", "MK"},
      {"hong kong", "HK"},
      {"taiwan", "TW"},
      {"brunei", "BN"},
      {"cabo verde", "CV"},
      {"cape verde", "CV"},
      {"eswatini", "SZ"},
      {"swaziland", "SZ"},
      {"the gambia", "GM"},
      {"gambia", "GM"},
      {"kosovo", "XK"},
      {"micronesia", "FM"},
      {"vatican", "VA"},
      {"holy see", "VA"},
      {"uae", "AE"},
      {"united arab emirates", "AE"},
      {"east timor", "TL"},
      {"timor leste", "TL"},
      {"crimea", "UA"},
      {"netherlands", "NL"},
      {"the netherlands", "NL"}
    };
    for (String[] alias : aliases) {
      CODES.put(alias[0], alias[1]);
    }
  }

  private CountryNames() {}

  /** The code of a country name or code, or null when the text names no country. */
  static String code(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.strip();
    if (trimmed.length() == 2 && Character.isUpperCase(trimmed.charAt(0))) {
      String upper = trimmed.toUpperCase(Locale.ROOT);
      if (ASSIGNED.contains(upper)) {
        return upper;
      }
    }
    String found = CODES.get(key(trimmed));
    if (found != null) {
      return found;
    }
    int lastComma = trimmed.lastIndexOf(',');
    if (lastComma >= 0) {
      // "Korea, North" first, then an address's last part.
      String inverted = trimmed.substring(lastComma + 1) + " " + trimmed.substring(0, lastComma);
      found = CODES.get(key(inverted));
      return found != null ? found : CODES.get(key(trimmed.substring(lastComma + 1)));
    }
    return null;
  }

  private static String key(String name) {
    String latin = Transliterator.basic().toLatin(name).toLowerCase(Locale.ROOT);
    StringBuilder key = new StringBuilder(latin.length());
    boolean space = false;
    for (int i = 0; i < latin.length(); i++) {
      char character = latin.charAt(i);
      if (character >= 'a' && character <= 'z') {
        if (space && key.length() > 0) {
          key.append(' ');
        }
        key.append(character);
        space = false;
      } else if (character != '\'' && character != '.') {
        space = true;
      }
    }
    return key.toString();
  }
}
