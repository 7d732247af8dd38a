package org.oretrace.server;

/**
 * Wire-format bodies shared by the server's tests: a small Great Lakes registry and a full chain of
 * custody, from two mine sites in the DRC to a smelter in Malaysia.
 */
public final class Fixtures {

  private Fixtures() {}

  /**
   * Five sites: two coltan sites in North Kivu (one green, one red and held by an armed group), a
   * cassiterite site, a Rwandan site and a gold site.
   */
  public static final String SITES =
      """
      [
        {"id": "CD-NK-001", "name": "Luwowo", "country": "CD",
         "location": {"lat": -1.60, "lon": 28.95}, "minerals": ["coltan"],
         "capacityKgPerMonth": {"coltan": 20000}, "icglrStatus": "green"},
        {"id": "CD-NK-002", "name": "Rubaya East", "country": "CD",
         "location": {"lat": -1.56, "lon": 28.88}, "minerals": ["coltan", "cassiterite"],
         "icglrStatus": "red", "armedGroupPresence": "controlled", "cahra": true},
        {"id": "CD-SK-010", "name": "Nyabibwe", "country": "CD",
         "location": {"lat": -2.10, "lon": 28.90}, "minerals": ["cassiterite"],
         "icglrStatus": "yellow"},
        {"id": "RW-W-003", "name": "Nyakabingo", "country": "RW",
         "location": {"lat": -1.80, "lon": 30.00}, "minerals": ["wolframite"],
         "icglrStatus": "green"},
        {"id": "CD-IT-020", "name": "Mongbwalu", "country": "CD",
         "location": {"lat": 1.95, "lon": 30.03}, "minerals": ["gold"],
         "icglrStatus": "blue", "cahra": true}
      ]
      """;

  public static final String ACTORS =
      """
      [
        {"id": "COOP-1", "name": "Coopérative des exploitants de Masisi", "kind": "cooperative",
         "country": "CD"},
        {"id": "TRADER-1", "name": "Goma Minerals Trading", "kind": "trader", "country": "CD",
         "licence": {"number": "NEG-2025-114", "validFrom": "2025-01-01",
                     "validUntil": "2026-12-31"}},
        {"id": "TRANS-1", "name": "Kivu Transport", "kind": "transporter", "country": "CD"},
        {"id": "COMPTOIR-1", "name": "Comptoir du Lac", "kind": "comptoir", "country": "CD"},
        {"id": "SMELTER-1", "name": "Penang Tantalum Refinery", "kind": "smelter", "country": "MY"}
      ]
      """;

  /**
   * Tag two coltan lots at two sites, ship and receive them, merge them, export the merged lot,
   * import it at the smelter and process it into tantalum.
   */
  public static final String CHAIN =
      """
      [
        {"id": "e-tag-1", "type": "tag", "time": "2025-03-01T08:00:00+02:00",
         "place": {"lat": -1.60, "lon": 28.95}, "actor": "COOP-1", "recordedBy": "phone-17",
         "lot": "LOT-A", "tagNumber": "TAG-A", "site": "CD-NK-001", "mineral": "coltan",
         "massGrams": 50000, "grade": 31.25},
        {"id": "e-tag-2", "type": "tag", "time": "2025-03-01T09:00:00+02:00",
         "place": {"lat": -1.56, "lon": 28.88}, "actor": "COOP-1", "recordedBy": "phone-17",
         "lot": "LOT-B", "tagNumber": "TAG-B", "site": "CD-NK-002", "mineral": "coltan",
         "massGrams": 30000},
        {"id": "e-ship-1", "type": "ship", "time": "2025-03-02T07:00:00+02:00",
         "place": {"lat": -1.60, "lon": 28.95}, "actor": "COOP-1", "recordedBy": "phone-17",
         "lot": "LOT-A", "consignee": "TRADER-1", "transporter": "TRANS-1"},
        {"id": "e-ship-2", "type": "ship", "time": "2025-03-02T07:10:00+02:00",
         "place": {"lat": -1.56, "lon": 28.88}, "actor": "COOP-1", "recordedBy": "phone-17",
         "lot": "LOT-B", "consignee": "TRADER-1"},
        {"id": "e-receive-1", "type": "receive", "time": "2025-03-02T15:00:00+02:00",
         "place": {"lat": -1.68, "lon": 29.22}, "actor": "TRADER-1", "recordedBy": "scale-3",
         "lot": "LOT-A", "massGrams": 49800},
        {"id": "e-receive-2", "type": "receive", "time": "2025-03-02T15:30:00+02:00",
         "place": {"lat": -1.68, "lon": 29.22}, "actor": "TRADER-1", "recordedBy": "scale-3",
         "lot": "LOT-B"},
        {"id": "e-merge", "type": "merge", "time": "2025-03-03T10:00:00+02:00",
         "place": {"lat": -1.68, "lon": 29.22}, "actor": "TRADER-1", "recordedBy": "scale-3",
         "inputs": ["LOT-A", "LOT-B"],
         "output": {"lot": "LOT-M", "tagNumber": "TAG-M", "massGrams": 79800}},
        {"id": "e-export", "type": "export", "time": "2025-03-05T12:00:00+02:00",
         "place": {"lat": -1.68, "lon": 29.23}, "actor": "TRADER-1", "recordedBy": "customs-goma",
         "lot": "LOT-M", "declarationNumber": "CD-EXP-2025-0042", "destination": "MY"},
        {"id": "e-import", "type": "import", "time": "2025-04-02T09:00:00+08:00",
         "place": {"lat": 5.41, "lon": 100.33}, "actor": "SMELTER-1", "recordedBy": "customs-penang",
         "lot": "LOT-M", "declarationNumber": "MY-IMP-7788", "origin": "CD"},
        {"id": "e-process", "type": "process", "time": "2025-04-10T09:00:00+08:00",
         "place": {"lat": 5.41, "lon": 100.33}, "actor": "SMELTER-1", "recordedBy": "erp",
         "inputs": [{"lot": "LOT-M"}],
         "outputs": [{"lot": "LOT-P", "tagNumber": "TAG-P", "mineral": "tantalum",
                      "massGrams": 20000}]}
      ]
      """;

  /** A tag event as JSON, for tests that need a valid event of their own. */
  public static String tag(String eventId, String lot, String tagNumber, long massGrams) {
    return """
        {"id": "%s", "type": "tag", "time": "2025-05-01T08:00:00+02:00",
         "place": {"lat": -1.60, "lon": 28.95}, "actor": "COOP-1", "recordedBy": "phone-17",
         "lot": "%s", "tagNumber": "%s", "site": "CD-NK-001", "mineral": "coltan",
         "massGrams": %d}
        """
        .formatted(eventId, lot, tagNumber, massGrams);
  }
}
