package org.oretrace.store.watchlist;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.WatchListEntry;

/**
 * Reads OFAC's Specially Designated Nationals list in its legacy CSV form: {@code sdn.csv} (one row
 * per designation: number, name, type, programmes, title, vessel details, remarks), {@code alt.csv}
 * (aliases by designation number) and {@code add.csv} (addresses). The files have no header; "-0-"
 * stands for an empty field. Individuals are written "SURNAME, Given Names" and are turned round to
 * "Given Names SURNAME". Dates of birth and nationalities are only in the free-text remarks ("DOB
 * 10 Jun 1966; nationality Iran"), from which they are picked out.
 */
final class OfacSdnReader {

  static final String SOURCE = "OFAC-SDN";

  private static final Pattern BIRTH_DATE =
      Pattern.compile("DOB ([^;]+?)(?=;|\\.?$|\\. )", Pattern.CASE_INSENSITIVE);
  private static final Pattern NATIONALITY =
      Pattern.compile("(?:nationality|citizen) ([^;]+?)(?=;|\\.?$|\\. )");

  private OfacSdnReader() {}

  static List<WatchListEntry> read(Reader sdn, Reader alternateNames, Reader addresses)
      throws IOException {
    Map<String, Builder> builders = new LinkedHashMap<>();
    CsvReader rows = new CsvReader(sdn, "sdn.csv");
    for (List<String> row = rows.next(); row != null; row = rows.next()) {
      requireFields(row, 12, "sdn.csv", rows.recordLine());
      String number = required(row.get(0), "sdn.csv", "ent_num", rows.recordLine());
      String name = required(row.get(1), "sdn.csv", "SDN_Name", rows.recordLine());
      EntityType type = type(value(row.get(2)), rows.recordLine());
      Builder builder = new Builder(number, type);
      builder.names.add(type == EntityType.PERSON ? givenNamesFirst(name) : name);
      String programmes = value(row.get(3));
      if (programmes != null) {
        for (String programme : programmes.split("\\] \\[")) {
          builder.programmes.add(programme.replace("[", "").replace("]", "").strip());
        }
      }
      String flag = value(row.get(9));
      if (flag != null) {
        builder.nationalities.add(flag);
      }
      String remarks = value(row.get(11));
      if (remarks != null) {
        collect(BIRTH_DATE.matcher(remarks), builder.datesOfBirth);
        collect(NATIONALITY.matcher(remarks), builder.nationalities);
      }
      if (builders.putIfAbsent(number, builder) != null) {
        throw error("sdn.csv", rows.recordLine(), "entity number " + number + " appears twice");
      }
    }
    CsvReader aliases = new CsvReader(alternateNames, "alt.csv");
    for (List<String> row = aliases.next(); row != null; row = aliases.next()) {
      requireFields(row, 4, "alt.csv", aliases.recordLine());
      Builder builder = known(builders, row.get(0), "alt.csv", aliases.recordLine());
      String alias = required(row.get(3), "alt.csv", "alt_name", aliases.recordLine());
      builder.names.add(builder.type == EntityType.PERSON ? givenNamesFirst(alias) : alias);
    }
    CsvReader places = new CsvReader(addresses, "add.csv");
    for (List<String> row = places.next(); row != null; row = places.next()) {
      requireFields(row, 5, "add.csv", places.recordLine());
      Builder builder = known(builders, row.get(0), "add.csv", places.recordLine());
      List<String> parts = new ArrayList<>(3);
      for (int field = 2; field <= 4; field++) {
        String part = value(row.get(field));
        if (part != null) {
          parts.add(part);
        }
      }
      if (!parts.isEmpty()) {
        builder.addresses.add(String.join(", ", parts));
      }
    }
    List<WatchListEntry> entries = new ArrayList<>(builders.size());
    for (Builder builder : builders.values()) {
      entries.add(builder.build());
    }
    return entries;
  }

  /** "SURNAME, Given Names" to "Given Names SURNAME"; anything else unchanged. */
  static String givenNamesFirst(String name) {
    int comma = name.indexOf(',');
    if (comma <= 0 || comma == name.length() - 1) {
      return name;
    }
    return name.substring(comma + 1).strip() + " " + name.substring(0, comma).strip();
  }

  private static void collect(Matcher matcher, List<String> into) {
    while (matcher.find()) {
      into.add(matcher.group(1).strip());
    }
  }

  private static EntityType type(String type, int line) {
    if (type == null) {
      return EntityType.ORGANISATION;
    }
    return switch (type) {
      case "individual" -> EntityType.PERSON;
      case "vessel" -> EntityType.VESSEL;
      case "aircraft" -> EntityType.AIRCRAFT;
      default -> throw error("sdn.csv", line, "unknown SDN_Type '" + type + "'");
    };
  }

  private static Builder known(
      Map<String, Builder> builders, String number, String file, int line) {
    Builder builder = builders.get(number.strip());
    if (builder == null) {
      throw error(file, line, "entity number '" + number.strip() + "' is not in sdn.csv");
    }
    return builder;
  }

  private static void requireFields(List<String> row, int count, String file, int line) {
    if (row.size() < count) {
      throw error(file, line, "expected " + count + " fields, found " + row.size());
    }
  }

  private static String required(String field, String file, String column, int line) {
    String value = value(field);
    if (value == null) {
      throw error(file, line, column + " is empty");
    }
    return value;
  }

  /** The field's text, or null for "-0-" and blanks. */
  private static String value(String field) {
    String stripped = field.strip();
    return stripped.isEmpty() || stripped.equals("-0-") ? null : stripped;
  }

  private static InvalidInputException error(String file, int line, String message) {
    return new InvalidInputException(Violation.of(line, file, "line " + line + ": " + message));
  }

  private static final class Builder {
    final String number;
    final EntityType type;
    final List<String> names = new ArrayList<>(2);
    final List<String> datesOfBirth = new ArrayList<>(1);
    final List<String> nationalities = new ArrayList<>(1);
    final List<String> addresses = new ArrayList<>(1);
    final List<String> programmes = new ArrayList<>(1);

    Builder(String number, EntityType type) {
      this.number = number;
      this.type = type;
    }

    WatchListEntry build() {
      return new WatchListEntry(
          SOURCE, number, type, names, datesOfBirth, nationalities, addresses, programmes);
    }
  }
}
