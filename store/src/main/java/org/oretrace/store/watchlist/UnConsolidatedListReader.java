package org.oretrace.store.watchlist;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.WatchListEntry;

/**
 * Reads the UN Security Council consolidated sanctions list (the XML published at
 * scsanctions.un.org) with StAX, one pass, no DOM: INDIVIDUAL and ENTITY elements, their FIRST_NAME
 * to FOURTH_NAME (joined as the primary name), aliases, name in original script, REFERENCE_NUMBER
 * ("CDi.001"), UN_LIST_TYPE (the regime, taken as the programme), nationalities, dates of birth
 * (exact dates, years, or "from" and "to" years) and addresses. External entities and DTDs are
 * refused. An entry without a reference or a name is an error naming its line.
 */
final class UnConsolidatedListReader {

  static final String SOURCE = "UN";

  private UnConsolidatedListReader() {}

  static List<WatchListEntry> read(InputStream input, String fileName) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    List<WatchListEntry> entries = new ArrayList<>(1024);
    XMLStreamReader xml = null;
    int line = 0;
    try {
      xml = factory.createXMLStreamReader(input);
      Deque<String> path = new ArrayDeque<>();
      StringBuilder text = new StringBuilder();
      Builder builder = null;
      List<String> part = new ArrayList<>();
      while (xml.hasNext()) {
        int event = xml.next();
        line = xml.getLocation().getLineNumber();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            String element = xml.getLocalName();
            path.push(element);
            text.setLength(0);
            if (element.equals("INDIVIDUAL") || element.equals("ENTITY")) {
              builder =
                  new Builder(
                      element.equals("INDIVIDUAL") ? EntityType.PERSON : EntityType.ORGANISATION,
                      line);
            } else if (isGroup(element)) {
              part.clear();
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA ->
              text.append(xml.getText());
          case XMLStreamConstants.END_ELEMENT -> {
            String element = path.pop();
            String parent = path.isEmpty() ? "" : path.peek();
            String value = text.toString().strip();
            text.setLength(0);
            if (builder == null) {
              continue;
            }
            if (element.equals("INDIVIDUAL") || element.equals("ENTITY")) {
              entries.add(builder.build(fileName));
              builder = null;
            } else if (isGroup(element)) {
              builder.closeGroup(element, part);
            } else if (!value.isEmpty()) {
              builder.accept(element, parent, value, part);
            }
          }
          default -> {}
        }
      }
    } catch (XMLStreamException error) {
      int where = error.getLocation() != null ? error.getLocation().getLineNumber() : line;
      throw new InvalidInputException(
          Violation.of(
              Math.max(where, 0),
              fileName,
              "line " + where + ": not well-formed XML: " + error.getMessage()));
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // nothing more to read
        }
      }
    }
    return entries;
  }

  private static boolean isGroup(String element) {
    return switch (element) {
      case "INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS", "INDIVIDUAL_DATE_OF_BIRTH" -> true;
      default -> false;
    };
  }

  private static final class Builder {
    final EntityType type;
    final int line;
    String reference;
    final String[] nameParts = new String[4];
    final List<String> aliases = new ArrayList<>();
    final List<String> datesOfBirth = new ArrayList<>(1);
    final List<String> nationalities = new ArrayList<>(1);
    final List<String> addresses = new ArrayList<>(1);
    final List<String> programmes = new ArrayList<>(1);
    String fromYear;
    String toYear;

    Builder(EntityType type, int line) {
      this.type = type;
      this.line = line;
    }

    void accept(String element, String parent, String value, List<String> part) {
      switch (element) {
        case "REFERENCE_NUMBER" -> reference = value;
        case "FIRST_NAME" -> nameParts[0] = value;
        case "SECOND_NAME" -> nameParts[1] = value;
        case "THIRD_NAME" -> nameParts[2] = value;
        case "FOURTH_NAME" -> nameParts[3] = value;
        case "UN_LIST_TYPE" -> programmes.add(value);
        case "NAME_ORIGINAL_SCRIPT" -> aliases.add(value);
        case "ALIAS_NAME" -> aliases.add(value);
        case "VALUE" -> {
          if (parent.equals("NATIONALITY")) {
            nationalities.add(value);
          }
        }
        case "STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY" -> {
          if (parent.endsWith("_ADDRESS")) {
            part.add(value);
          }
        }
        case "DATE", "YEAR" -> {
          if (parent.equals("INDIVIDUAL_DATE_OF_BIRTH")) {
            part.add(value);
          }
        }
        case "FROM_YEAR" -> fromYear = value;
        case "TO_YEAR" -> toYear = value;
        default -> {}
      }
    }

    void closeGroup(String element, List<String> part) {
      if (element.endsWith("_ADDRESS")) {
        if (!part.isEmpty()) {
          addresses.add(String.join(", ", part));
        }
      } else {
        datesOfBirth.addAll(part);
        if (fromYear != null || toYear != null) {
          datesOfBirth.add(
              (fromYear == null ? "" : fromYear) + " to " + (toYear == null ? "" : toYear));
        }
        fromYear = null;
        toYear = null;
      }
      part.clear();
    }

    WatchListEntry build(String fileName) {
      List<String> names = new ArrayList<>();
      StringBuilder primary = new StringBuilder();
      for (String namePart : nameParts) {
        if (namePart != null) {
          primary.append(primary.isEmpty() ? "" : " ").append(namePart);
        }
      }
      if (reference == null) {
        throw new InvalidInputException(
            Violation.of(line, fileName, "line " + line + ": entry has no REFERENCE_NUMBER"));
      }
      if (!primary.isEmpty()) {
        names.add(primary.toString());
      }
      names.addAll(aliases);
      if (names.isEmpty()) {
        throw new InvalidInputException(
            Violation.of(line, fileName, "line " + line + ": entry " + reference + " has no name"));
      }
      return new WatchListEntry(
          SOURCE, reference, type, names, datesOfBirth, nationalities, addresses, programmes);
    }
  }
}
