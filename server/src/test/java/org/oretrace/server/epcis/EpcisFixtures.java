package org.oretrace.server.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * EPCIS documents for the tests: GS1's examples (test resources under epcis/, with GS1's LICENSE
 * and SOURCE) and a custody chain written in EPCIS over the registry of {@code
 * org.oretrace.server.Fixtures}.
 */
final class EpcisFixtures {

  static final String LOT_A = "urn:epc:id:sgtin:0614141.107346.A1";
  static final String LOT_B = "urn:epc:id:sgtin:0614141.107346.B1";
  static final String PALLET = "urn:epc:id:sscc:0614141.1234567890";
  static final String TANTALUM = "urn:epc:class:lgtin:0614141.107346.TA1";

  private EpcisFixtures() {}

  /** Tag two coltan lots, ship, receive and aggregate them, and refine the pallet. */
  static final String CHAIN =
      """
      {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                    {"ot": "https://oretrace.org/epcis/"}],
       "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-03-05T06:00:00Z",
       "epcisBody": {"eventList": [
        {"type": "ObjectEvent", "eventID": "urn:uuid:7c0e1a4e-0000-4000-8000-000000000001",
         "eventTime": "2025-03-01T08:00:00+02:00", "eventTimeZoneOffset": "+02:00",
         "action": "ADD", "bizStep": "commissioning", "disposition": "active",
         "epcList": ["%1$s"],
         "bizLocation": {"id": "urn:oretrace:site:CD-NK-001"},
         "sourceList": [{"type": "owning_party", "source": "urn:oretrace:actor:COOP-1"}],
         "ilmd": {"ot:mineral": "coltan", "ot:grade": 31.25, "ot:massKilograms": 50,
                  "ot:tagNumber": "TAG-A"}},
        {"type": "ObjectEvent", "eventID": "urn:uuid:7c0e1a4e-0000-4000-8000-000000000002",
         "eventTime": "2025-03-01T09:00:00+02:00", "eventTimeZoneOffset": "+02:00",
         "action": "ADD", "bizStep": "commissioning",
         "epcList": ["%2$s"],
         "readPoint": {"id": "geo:-1.56,28.88"},
         "ot:actor": "urn:oretrace:actor:COOP-1",
         "ilmd": {"ot:mineral": "coltan", "ot:site": "urn:oretrace:site:CD-NK-002",
                  "ot:massKilograms": 30}},
        {"type": "ObjectEvent", "eventID": "urn:uuid:7c0e1a4e-0000-4000-8000-000000000003",
         "eventTime": "2025-03-02T07:00:00+02:00", "eventTimeZoneOffset": "+02:00",
         "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit",
         "epcList": ["%1$s", "%2$s"],
         "readPoint": {"id": "geo:-1.60,28.95"},
         "sourceList": [{"type": "possessing_party", "source": "urn:oretrace:actor:COOP-1"}],
         "destinationList": [{"type": "owning_party", "destination": "urn:oretrace:actor:TRADER-1"}],
         "ot:transporter": "urn:oretrace:actor:TRANS-1"},
        {"type": "ObjectEvent", "eventID": "urn:uuid:7c0e1a4e-0000-4000-8000-000000000004",
         "eventTime": "2025-03-02T15:00:00+02:00", "eventTimeZoneOffset": "+02:00",
         "action": "OBSERVE", "bizStep": "receiving", "disposition": "in_progress",
         "epcList": ["%1$s", "%2$s"],
         "readPoint": {"id": "geo:-1.68,29.22"},
         "destinationList": [{"type": "possessing_party",
                              "destination": "urn:oretrace:actor:TRADER-1"}]},
        {"type": "AggregationEvent", "eventID": "urn:uuid:7c0e1a4e-0000-4000-8000-000000000005",
         "eventTime": "2025-03-03T10:00:00+02:00", "eventTimeZoneOffset": "+02:00",
         "action": "ADD", "bizStep": "packing", "parentID": "%3$s",
         "childEPCs": ["%1$s", "%2$s"],
         "readPoint": {"id": "geo:-1.68,29.22"}, "ot:actor": "urn:oretrace:actor:TRADER-1"},
        {"type": "TransformationEvent", "eventID": "urn:uuid:7c0e1a4e-0000-4000-8000-000000000006",
         "eventTime": "2025-04-10T09:00:00+08:00", "eventTimeZoneOffset": "+08:00",
         "inputEPCList": ["%3$s"],
         "outputQuantityList": [{"epcClass": "%4$s", "quantity": 20, "uom": "KGM"}],
         "readPoint": {"id": "geo:5.41,100.33"}, "ot:actor": "urn:oretrace:actor:SMELTER-1",
         "ilmd": {"ot:mineral": "tantalum"}}
       ]}}
      """
          .formatted(LOT_A, LOT_B, PALLET, TANTALUM);

  /** Every GS1 JSON-LD example, as a path relative to the test resources' epcis/JSON folder. */
  static List<String> gs1JsonExamples() {
    return examples("JSON", ".jsonld");
  }

  static List<String> gs1XmlExamples() {
    return examples("XML", ".xml");
  }

  private static List<String> examples(String folder, String suffix) {
    try {
      URL root = EpcisFixtures.class.getResource("/epcis/" + folder);
      Path base = Path.of(root.toURI());
      try (Stream<Path> paths = Files.walk(base)) {
        return paths
            .filter(path -> path.toString().endsWith(suffix))
            .map(path -> folder + "/" + base.relativize(path).toString().replace('\\', '/'))
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] read(String example) {
    try (InputStream input = EpcisFixtures.class.getResourceAsStream("/epcis/" + example)) {
      return input.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
