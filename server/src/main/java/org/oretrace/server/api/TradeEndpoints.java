package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oretrace.core.Country;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.detection.MirrorTrade.CountryYear;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;
import org.oretrace.server.auth.AccessPolicy;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.store.AlertStore;
import org.oretrace.store.AlertStore.AlertFilter;
import org.oretrace.store.AlertStore.StoredAlert;
import org.oretrace.store.NationalTrade;
import org.oretrace.store.PageRequest;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.json.AlertJson;
import org.oretrace.store.json.Json;
import org.oretrace.store.trade.TradeStatisticsCsv;

/**
 * National trade statistics and the per-country view: an administrator posts a Comtrade-like CSV
 * (judged by D10 mirror-trade at once), and the country's agencies read its production capacity,
 * recorded and declared trade, partners' mirror figures, the gap, and its alerts (other agencies:
 * 404).
 */
final class TradeEndpoints {

  private final NationalTrade trade;
  private final RegistryStore registry;
  private final AlertStore alerts;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;

  TradeEndpoints(
      NationalTrade trade,
      RegistryStore registry,
      AlertStore alerts,
      Authenticator authenticator,
      NeedToKnow needToKnow) {
    this.trade = requireNonNull(trade, "trade is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.alerts = requireNonNull(alerts, "alerts is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
  }

  void importStatistics(Context context) {
    AccessPolicy.require(authenticator.authenticate(context), Action.WRITE_REGISTRY);
    String body = new String(context.bodyAsBytes(), StandardCharsets.UTF_8);
    if (body.isBlank()) {
      throw InvalidInputException.of("", "the body is empty: send the statistics as CSV");
    }
    NationalTrade.Imported imported;
    try {
      imported = trade.importStatistics(TradeStatisticsCsv.read(new StringReader(body), "body"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode answer = Json.object();
    answer.put("lines", imported.lines());
    ArrayNode raised = answer.putArray("alerts");
    imported.alerts().forEach(alert -> raised.add(AlertJson.encode(alert)));
    Responses.json(context, 200, answer);
  }

  void country(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.READ_COUNTRIES);
    String code = context.pathParam("code");
    Country country;
    try {
      country = Country.of(code.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter("code", e.getMessage());
    }
    if (!needToKnow.scope(caller).seesCountry(country)) {
      throw ApiProblem.notFound("country with sites or trade", code);
    }
    List<Site> sites =
        registry
            .sites(
                new RegistryStore.SiteFilter(country, null, null),
                new PageRequest(0, PageRequest.MAX_LIMIT))
            .items();
    List<CountryYear> years = trade.country(country);
    if (sites.isEmpty() && years.isEmpty()) {
      throw ApiProblem.notFound("country with sites or trade", code);
    }
    ObjectNode answer = Json.object();
    answer.put("country", country.code());
    answer.put("name", country.displayName());
    answer.put("sites", sites.size());
    Map<Mineral, Long> capacity = new TreeMap<>();
    for (Site site : sites) {
      for (Mineral mineral : site.minerals()) {
        capacity.merge(mineral, site.capacityKilogramsPerMonth(mineral), Long::sum);
      }
    }
    ArrayNode production = answer.putArray("production");
    capacity.forEach(
        (mineral, kilograms) ->
            production
                .addObject()
                .put("mineral", mineral.wireName())
                .put("capacityKgPerMonth", kilograms)
                .put("capacityKgPerYear", kilograms * 12));
    ArrayNode trades = answer.putArray("trade");
    for (CountryYear year : years) {
      ObjectNode node = trades.addObject();
      node.put("mineral", year.mineral().wireName());
      node.put("hsCode", year.mineral().harmonizedSystemCode());
      node.put("year", year.year());
      node.put("capacityKg", kilograms(year.capacityGrams()));
      node.put("recordedExportKg", kilograms(year.recordedExportGrams()));
      node.put("recordedImportKg", kilograms(year.recordedImportGrams()));
      node.put("declaredExportKg", kilograms(year.declaredExportGrams()));
      node.put("declaredImportKg", kilograms(year.declaredImportGrams()));
      node.put("mirrorImportKg", kilograms(year.mirrorImportGrams()));
      node.put("mirrorExportKg", kilograms(year.mirrorExportGrams()));
      node.put("netExportKg", kilograms(year.netExportGrams()));
      node.put("gapKg", kilograms(year.gapGrams()));
      node.put("reported", year.reported());
      ArrayNode partners = node.putArray("partners");
      new TreeMap<>(
              year.partners().entrySet().stream()
                  .collect(
                      java.util.stream.Collectors.toMap(
                          entry -> entry.getKey().code(), Map.Entry::getValue)))
          .forEach(
              (partner, figures) ->
                  partners
                      .addObject()
                      .put("partner", partner)
                      .put("declaredExportKg", kilograms(figures[0]))
                      .put("mirrorImportKg", kilograms(figures[1])));
    }
    ArrayNode countryAlerts = answer.putArray("alerts");
    List<StoredAlert> mirror =
        alerts
            .alerts(
                new AlertFilter(DetectorId.D10, null, null, null, country, null, null),
                new PageRequest(0, PageRequest.MAX_LIMIT))
            .items();
    for (StoredAlert stored : mirror) {
      Alert alert = stored.alert();
      countryAlerts.add(AlertJson.encode(alert));
    }
    answer.put(
        "alertsNamingCountry",
        alerts
            .alerts(
                new AlertFilter(null, null, null, null, country, null, null), new PageRequest(0, 1))
            .total());
    Responses.json(context, 200, answer);
  }

  private static BigDecimal kilograms(long grams) {
    return BigDecimal.valueOf(grams).movePointLeft(3);
  }
}
