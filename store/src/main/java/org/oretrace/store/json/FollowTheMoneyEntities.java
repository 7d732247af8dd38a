package org.oretrace.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oretrace.core.Country;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.entities.Party;
import org.oretrace.core.entities.PartyKind;
import org.oretrace.core.entities.Relation;
import org.oretrace.core.entities.RelationKind;

/**
 * Reads persons, companies and their relations from FollowTheMoney entities, one JSON object per
 * line ({@code {"id": ..., "schema": "Ownership", "properties": {...}}}), as OpenSanctions,
 * OpenOwnership and company-registry exports write them.
 *
 * <ul>
 *   <li>{@code Person}: name, nationality (or citizenship, country), birthDate, address, phone,
 *       idNumber;
 *   <li>{@code Company}, {@code Organization}, {@code LegalEntity}: name, country (or
 *       jurisdiction), registrationNumber, taxNumber, licenseNumber, address, phone;
 *   <li>{@code Ownership}: owner, asset, percentage, role, startDate, endDate;
 *   <li>{@code Directorship}: director, organization, role, startDate, endDate;
 *   <li>{@code Family}: person, relative, relationship, startDate, endDate; {@code Associate}:
 *       person, associate, relationship, startDate, endDate (the network joins persons only);
 *   <li>{@code Payment}: payer (a party of the file or one stored before), beneficiary, amount,
 *       currency, purpose, date (or startDate and endDate).
 * </ul>
 *
 * <p>An asset or organisation is a company of the file (or one stored before) or a registered
 * actor, by id. Other schemas are skipped. Every error names its line; the whole file is read and
 * checked before anything is written, and one bad line refuses it all.
 */
public final class FollowTheMoneyEntities {

  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?.*");

  /** The parties and relations of a file, in file order. */
  public record Contents(List<Party> parties, List<Relation> relations, int skipped) {
    public Contents {
      parties = List.copyOf(parties);
      relations = List.copyOf(relations);
    }
  }

  private FollowTheMoneyEntities() {}

  public static Contents read(Path file) {
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(lines, file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Contents read(BufferedReader lines, String fileName) throws IOException {
    Map<String, Party> parties = new LinkedHashMap<>();
    List<Relation> relations = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    int skipped = 0;
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode entity;
      try {
        entity = Json.mapper().readTree(line);
      } catch (JsonProcessingException error) {
        violations.add(violation(fileName, lineNumber, "not JSON: " + error.getOriginalMessage()));
        continue;
      }
      if (entity == null || !entity.isObject()) {
        violations.add(violation(fileName, lineNumber, "not a JSON object"));
        continue;
      }
      String schema = entity.path("schema").asText("");
      String id = entity.path("id").asText("");
      JsonNode properties = entity.path("properties");
      try {
        switch (schema) {
          case "Person" -> parties.put(id, party(id, PartyKind.PERSON, properties));
          case "Company", "Organization", "LegalEntity" ->
              parties.put(id, party(id, PartyKind.COMPANY, properties));
          case "Ownership" ->
              relations.add(relation(RelationKind.OWNERSHIP, "owner", "asset", properties));
          case "Directorship" ->
              relations.add(
                  relation(RelationKind.DIRECTORSHIP, "director", "organization", properties));
          case "Family" ->
              relations.add(relation(RelationKind.FAMILY, "person", "relative", properties));
          case "Associate" ->
              relations.add(relation(RelationKind.ASSOCIATE, "person", "associate", properties));
          case "Payment" ->
              relations.add(relation(RelationKind.PAYMENT, "payer", "beneficiary", properties));
          default -> skipped++;
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        violations.add(violation(fileName, lineNumber, schema + " " + id + ": " + e.getMessage()));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new Contents(new ArrayList<>(parties.values()), relations, skipped);
  }

  private static Party party(String id, PartyKind kind, JsonNode properties) {
    String name = first(properties, "name");
    if (name == null) {
      throw new IllegalArgumentException("has no name");
    }
    String countryText = first(properties, "nationality", "citizenship", "country", "jurisdiction");
    Country country = null;
    if (countryText != null && countryText.length() == 2) {
      try {
        country = new Country(countryText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        country = null; // FtM's own codes ("zz", "xk-like" regions): no country is known then
      }
    }
    Integer birthYear = null;
    String birthDate = kind == PartyKind.PERSON ? first(properties, "birthDate") : null;
    if (birthDate != null) {
      Matcher matcher = DATE.matcher(birthDate);
      if (matcher.matches()) {
        birthYear = Integer.parseInt(matcher.group(1));
      }
    }
    List<String> numbers = new ArrayList<>();
    for (String property :
        List.of("registrationNumber", "taxNumber", "licenseNumber", "idNumber", "innCode")) {
      numbers.addAll(all(properties, property));
    }
    return new Party(
        id,
        kind,
        name,
        country,
        birthYear,
        all(properties, "address"),
        all(properties, "phone"),
        numbers);
  }

  private static Relation relation(
      RelationKind kind, String partyProperty, String subjectProperty, JsonNode properties) {
    String party = first(properties, partyProperty);
    String subject = first(properties, subjectProperty);
    if (party == null || subject == null) {
      throw new IllegalArgumentException("needs both " + partyProperty + " and " + subjectProperty);
    }
    BigDecimal share = null;
    String percentage = kind == RelationKind.OWNERSHIP ? first(properties, "percentage") : null;
    if (percentage != null) {
      try {
        share = new BigDecimal(percentage.replace("%", "").strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("percentage is not a number: " + percentage, e);
      }
    }
    BigDecimal amount = null;
    String currency = null;
    String amountText = kind == RelationKind.PAYMENT ? first(properties, "amount") : null;
    if (amountText != null) {
      try {
        amount = new BigDecimal(amountText.replace(",", "").strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("amount is not a number: " + amountText, e);
      }
      String currencyText = first(properties, "currency");
      currency = currencyText == null ? null : currencyText.strip().toUpperCase(Locale.ROOT);
    }
    String role =
        switch (kind) {
          case FAMILY, ASSOCIATE -> first(properties, "relationship");
          case PAYMENT -> first(properties, "purpose");
          default -> first(properties, "role");
        };
    LocalDate since = date(first(properties, "startDate", "date"));
    LocalDate until = date(first(properties, "endDate"));
    if (kind == RelationKind.PAYMENT && until == null) {
      until = date(first(properties, "date")); // a single payment holds on its day
    }
    return new Relation(kind, party, subject, share, role, since, until, amount, currency);
  }

  /** "2019-05-03", "2019-05" (its first day) or "2019" (its first day). */
  static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = DATE.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a date: " + text);
    }
    int year = Integer.parseInt(matcher.group(1));
    int month = matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
    int day = matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3));
    try {
      return LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("not a date: " + text, e);
    }
  }

  private static String first(JsonNode properties, String... names) {
    for (String name : names) {
      List<String> values = all(properties, name);
      if (!values.isEmpty()) {
        return values.get(0);
      }
    }
    return null;
  }

  private static List<String> all(JsonNode properties, String name) {
    List<String> values = new ArrayList<>();
    JsonNode node = properties.path(name);
    if (node.isArray()) {
      for (JsonNode value : node) {
        if (value.isTextual() && !value.asText().isBlank()) {
          values.add(value.asText().strip());
        }
      }
    } else if (node.isTextual() && !node.asText().isBlank()) {
      values.add(node.asText().strip());
    }
    return values;
  }

  private static Violation violation(String fileName, int line, String message) {
    return Violation.of(line, fileName, "line " + line + ": " + message);
  }
}
