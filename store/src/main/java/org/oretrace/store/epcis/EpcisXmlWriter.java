package org.oretrace.store.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes EPCIS 2.0 events, held in their JSON-LD form, as an EPCIS 2.0 XML document: the inverse of
 * the XML-to-JSON-LD conversion of capture. Standard fields become unqualified elements in the
 * order of GS1's XSD; arrays of the standard lists become list elements ({@code epcList/epc},
 * {@code bizTransactionList/bizTransaction type=...}); CBV words become the URNs of the XML binding
 * ({@code shipping} to {@code urn:epcglobal:cbv:bizstep:shipping}); sensor metadata and reports
 * become attributes; every other field ({@code prefix:name}, an extension) becomes an element of
 * the namespace its prefix is bound to in the event's {@code @context}, declared on the event
 * element. Arrays of extension values become repeated elements; a field whose name is no XML name
 * (a map keyed by URI) becomes {@code <ot:entry key="...">}.
 *
 * <p>The writer streams: events are written one at a time, so a whole record can be exported
 * without holding it in memory. XML carries no JSON types, so extension numbers and booleans come
 * back as text when the document is read again; the standard numeric fields (quantity, sensor
 * values) are typed by name on reading.
 */
public final class EpcisXmlWriter implements AutoCloseable {

  /** The EPCIS 2.0 XML namespaces of documents and query documents. */
  public static final String EPCIS_NAMESPACE = "urn:epcglobal:epcis:xsd:2";

  public static final String QUERY_NAMESPACE = "urn:epcglobal:epcis-query:xsd:2";

  /** Prefixes of the GS1 EPCIS context, used when an event's own context does not bind them. */
  private static final Map<String, String> WELL_KNOWN =
      Map.of(
          "gs1",
          "https://gs1.org/voc/",
          "cbv",
          "https://ref.gs1.org/cbv/",
          "cbvmda",
          "urn:epcglobal:cbv:mda",
          "epcis",
          "https://ref.gs1.org/epcis/",
          "rdfs",
          "http://www.w3.org/2000/01/rdf-schema#",
          "owl",
          "http://www.w3.org/2002/07/owl#",
          "xsd",
          "http://www.w3.org/2001/XMLSchema#",
          "dcterms",
          "http://purl.org/dc/terms/",
          EpcisMapper.PREFIX,
          EpcisMapper.NAMESPACE);

  /** The fields every event type starts with, in the order of the XSD's EPCISEventType. */
  private static final List<String> HEAD =
      List.of(
          "eventTime",
          "recordTime",
          "eventTimeZoneOffset",
          "eventID",
          "errorDeclaration",
          "certificationInfo");

  /** The why and where fields as most event types order them (their own fields come first). */
  private static final List<String> WHERE_WHY =
      List.of("action", "bizStep", "disposition", "readPoint", "bizLocation", "bizTransactionList");

  /** What follows the where and why fields in every event type. */
  private static final List<String> TAIL =
      List.of("sourceList", "destinationList", "sensorElementList", "persistentDisposition");

  /**
   * The standard fields of each event type in the order of GS1's EPCIS 2.0 XSD (extensions follow);
   * the XSD test of the XML answers (server's XmlAnswersTest) holds the writer to it.
   */
  private static final Map<String, List<String>> ORDER =
      Map.of(
          "ObjectEvent",
              order(List.of("epcList"), WHERE_WHY, List.of("quantityList"), TAIL, List.of("ilmd")),
          "AggregationEvent",
              order(
                  List.of("parentID", "childEPCs"), WHERE_WHY, List.of("childQuantityList"), TAIL),
          "AssociationEvent",
              order(
                  List.of("parentID", "childEPCs", "childQuantityList"),
                  WHERE_WHY,
                  List.of(),
                  TAIL),
          "TransactionEvent",
              order(
                  List.of("bizTransactionList", "parentID", "epcList"),
                  WHERE_WHY.subList(0, WHERE_WHY.size() - 1),
                  List.of("quantityList"),
                  TAIL),
          "TransformationEvent",
              order(
                  List.of(
                      "inputEPCList",
                      "inputQuantityList",
                      "outputEPCList",
                      "outputQuantityList",
                      "transformationID"),
                  WHERE_WHY.subList(1, WHERE_WHY.size()),
                  List.of(),
                  TAIL,
                  List.of("ilmd")));

  /**
   * The EPCIS 2.0 XML binding's list elements and the name of their items: the one table both this
   * writer and the XML reader of capture follow.
   */
  public static final Map<String, String> LISTS =
      Map.ofEntries(
          Map.entry("epcList", "epc"),
          Map.entry("childEPCs", "epc"),
          Map.entry("inputEPCList", "epc"),
          Map.entry("outputEPCList", "epc"),
          Map.entry("quantityList", "quantityElement"),
          Map.entry("childQuantityList", "quantityElement"),
          Map.entry("inputQuantityList", "quantityElement"),
          Map.entry("outputQuantityList", "quantityElement"),
          Map.entry("bizTransactionList", "bizTransaction"),
          Map.entry("sourceList", "source"),
          Map.entry("destinationList", "destination"),
          Map.entry("sensorElementList", "sensorElement"),
          Map.entry("correctiveEventIDs", "correctiveEventID"));

  private static final String BIZ_STEP_URN = "urn:epcglobal:cbv:bizstep:";
  private static final String DISPOSITION_URN = "urn:epcglobal:cbv:disp:";
  private static final String ERROR_REASON_URN = "urn:epcglobal:cbv:er:";
  private static final String TRANSACTION_TYPE_URN = "urn:epcglobal:cbv:btt:";
  private static final String SOURCE_TYPE_URN = "urn:epcglobal:cbv:sdt:";

  /**
   * A field whose name cannot be an XML element name (a map keyed by URI, such as {@code
   * ot:tagNumbers}) is written as {@code <ot:entry key="NAME">}; reading XML turns it back.
   */
  public static final String ENTRY = "entry";

  public static final String ENTRY_KEY = "key";

  private static final Pattern ELEMENT_NAME =
      Pattern.compile("([A-Za-z_][A-Za-z0-9._-]*:)?[A-Za-z_][A-Za-z0-9._-]*");

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final XMLStreamWriter xml;
  private final int openElements;
  private final Map<JsonNode, Map<String, String>> namespacesByContext = new HashMap<>();
  private Map<String, String> namespaces = Map.of();
  private boolean closed;

  private EpcisXmlWriter(XMLStreamWriter xml, int openElements) {
    this.xml = xml;
    this.openElements = openElements;
  }

  /** Starts an EPCISDocument; {@link #write} adds events, {@link #close} ends it. */
  public static EpcisXmlWriter document(OutputStream output, String creationDate) {
    requireNonNull(output, "output is null");
    requireNonNull(creationDate, "creationDate is null");
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(output, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("epcis", "EPCISDocument", EPCIS_NAMESPACE);
      xml.writeNamespace("epcis", EPCIS_NAMESPACE);
      xml.writeAttribute("schemaVersion", "2.0");
      xml.writeAttribute("creationDate", creationDate);
      xml.writeStartElement("EPCISBody");
      xml.writeStartElement("EventList");
      return new EpcisXmlWriter(xml, 3);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
  }

  /**
   * Starts an EPCISQueryDocument answering the named query; {@link #write} adds events, {@link
   * #close} ends it.
   */
  public static EpcisXmlWriter queryDocument(
      OutputStream output, String creationDate, String queryName) {
    requireNonNull(output, "output is null");
    requireNonNull(creationDate, "creationDate is null");
    requireNonNull(queryName, "queryName is null");
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(output, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("epcisq", "EPCISQueryDocument", QUERY_NAMESPACE);
      xml.writeNamespace("epcisq", QUERY_NAMESPACE);
      xml.writeAttribute("schemaVersion", "2.0");
      xml.writeAttribute("creationDate", creationDate);
      xml.writeStartElement("EPCISBody");
      xml.writeStartElement("epcisq", "QueryResults", QUERY_NAMESPACE);
      xml.writeStartElement("queryName");
      xml.writeCharacters(queryName);
      xml.writeEndElement();
      xml.writeStartElement("resultsBody");
      xml.writeStartElement("EventList");
      return new EpcisXmlWriter(xml, 5);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
  }

  /**
   * Writes a collection of resource names (event types, business steps) as the REST binding's
   * {@code Collection} with one {@code member} each.
   */
  public static void collection(OutputStream output, List<String> members) {
    requireNonNull(output, "output is null");
    requireNonNull(members, "members is null");
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(output, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("epcis", "Collection", EPCIS_NAMESPACE);
      xml.writeNamespace("epcis", EPCIS_NAMESPACE);
      for (String member : members) {
        xml.writeStartElement("member");
        xml.writeCharacters(member);
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
  }

  /**
   * Writes one event.
   *
   * @param event the event in JSON-LD, with its {@code type}
   * @param context the {@code @context} its prefixes are bound in
   */
  public void write(JsonNode event, JsonNode context) {
    requireNonNull(event, "event is null");
    requireNonNull(context, "context is null");
    namespaces = namespacesByContext.computeIfAbsent(context, EpcisXmlWriter::namespacesOf);
    String type = event.path("type").asText();
    try {
      xml.writeStartElement(type);
      Set<String> prefixes = new LinkedHashSet<>();
      collectPrefixes(event, prefixes);
      for (String prefix : prefixes) {
        xml.writeNamespace(prefix, namespace(prefix));
      }
      List<String> standard = new ArrayList<>(HEAD);
      standard.addAll(ORDER.getOrDefault(type, order(WHERE_WHY, TAIL)));
      for (String field : standard) {
        JsonNode value = event.get(field);
        if (value != null) {
          field(field, value);
        }
      }
      for (var entry : event.properties()) {
        String field = entry.getKey();
        if (!field.equals("type") && !field.startsWith("@") && !standard.contains(field)) {
          generic(field, entry.getValue());
        }
      }
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
  }

  /** Ends the document and flushes it; the output stream stays open. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (int element = 0; element < openElements; element++) {
        xml.writeEndElement();
      }
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
  }

  private void field(String name, JsonNode value) throws XMLStreamException {
    String item = LISTS.get(name);
    if (item != null && value.isArray()) {
      xml.writeStartElement(name);
      for (JsonNode element : value) {
        listItem(name, item, element);
      }
      xml.writeEndElement();
      return;
    }
    switch (name) {
      case "bizStep" -> text(name, cbv(value.asText(), BIZ_STEP_URN));
      case "disposition" -> text(name, cbv(value.asText(), DISPOSITION_URN));
      case "persistentDisposition" -> {
        xml.writeStartElement(name);
        for (String part : List.of("unset", "set")) {
          for (JsonNode disposition : value.path(part)) {
            text(part, cbv(disposition.asText(), DISPOSITION_URN));
          }
        }
        xml.writeEndElement();
      }
      case "readPoint", "bizLocation" -> ordered(name, value, List.of("id"));
      case "errorDeclaration" ->
          ordered(name, value, List.of("declarationTime", "reason", "correctiveEventIDs"));
      default -> generic(name, value);
    }
  }

  /** An object whose standard fields come first, in this order, then its extensions. */
  private void ordered(String name, JsonNode value, List<String> first) throws XMLStreamException {
    if (!value.isObject()) {
      generic(name, value);
      return;
    }
    xml.writeStartElement(name);
    for (String field : first) {
      JsonNode part = value.get(field);
      if (part == null) {
        continue;
      }
      if (field.equals("reason")) {
        text(field, cbv(part.asText(), ERROR_REASON_URN));
      } else {
        field(field, part);
      }
    }
    for (var entry : value.properties()) {
      if (!first.contains(entry.getKey())) {
        generic(entry.getKey(), entry.getValue());
      }
    }
    xml.writeEndElement();
  }

  private void listItem(String list, String item, JsonNode element) throws XMLStreamException {
    switch (list) {
      case "bizTransactionList" -> typed(item, element, "bizTransaction", TRANSACTION_TYPE_URN);
      case "sourceList" -> typed(item, element, "source", SOURCE_TYPE_URN);
      case "destinationList" -> typed(item, element, "destination", SOURCE_TYPE_URN);
      case "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" ->
          ordered(item, element, List.of("epcClass", "quantity", "uom"));
      case "sensorElementList" -> sensorElement(element);
      default -> text(item, element.asText());
    }
  }

  /** A bizTransaction, source or destination: its type as an attribute, its value as text. */
  private void typed(String item, JsonNode element, String valueField, String typeUrn)
      throws XMLStreamException {
    xml.writeStartElement(item);
    JsonNode type = element.get("type");
    if (type != null) {
      xml.writeAttribute("type", cbv(type.asText(), typeUrn));
    }
    xml.writeCharacters(element.path(valueField).asText());
    xml.writeEndElement();
  }

  private void sensorElement(JsonNode element) throws XMLStreamException {
    xml.writeStartElement("sensorElement");
    JsonNode metadata = element.get("sensorMetadata");
    if (metadata != null) {
      attributesElement("sensorMetadata", metadata);
    }
    for (JsonNode report : element.path("sensorReport")) {
      attributesElement("sensorReport", report);
    }
    for (var entry : element.properties()) {
      if (!entry.getKey().equals("sensorMetadata") && !entry.getKey().equals("sensorReport")) {
        generic(entry.getKey(), entry.getValue());
      }
    }
    xml.writeEndElement();
  }

  /** An element whose scalar fields are attributes (sensorMetadata, sensorReport). */
  private void attributesElement(String name, JsonNode value) throws XMLStreamException {
    xml.writeStartElement(name);
    List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
    for (var entry : value.properties()) {
      JsonNode part = entry.getValue();
      if (part.isContainerNode()) {
        nested.add(entry);
        continue;
      }
      String field = entry.getKey();
      int colon = field.indexOf(':');
      if (colon > 0 && !isIri(field)) {
        String prefix = field.substring(0, colon);
        xml.writeAttribute(prefix, namespace(prefix), field.substring(colon + 1), scalar(part));
      } else {
        xml.writeAttribute(field, scalar(part));
      }
    }
    for (var entry : nested) {
      generic(entry.getKey(), entry.getValue());
    }
    xml.writeEndElement();
  }

  /** Any other field: arrays repeat the element, objects nest, scalars are text. */
  private void generic(String name, JsonNode value) throws XMLStreamException {
    if (value.isArray()) {
      for (JsonNode element : value) {
        generic(name, element);
      }
      return;
    }
    start(name);
    if (value.isObject()) {
      for (var entry : value.properties()) {
        generic(entry.getKey(), entry.getValue());
      }
    } else if (!value.isNull()) {
      xml.writeCharacters(scalar(value));
    }
    xml.writeEndElement();
  }

  /**
   * A scalar's text; decimals without an exponent ({@code 20}, not {@code 2E+1}), which XSD's
   * {@code xsd:decimal} (quantity, sensor values) would refuse.
   */
  private static String scalar(JsonNode value) {
    return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
  }

  private void text(String name, String value) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private void start(String name) throws XMLStreamException {
    if (!isElementName(name)) {
      xml.writeStartElement(EpcisMapper.PREFIX, ENTRY, EpcisMapper.NAMESPACE);
      xml.writeAttribute(ENTRY_KEY, name);
      return;
    }
    int colon = name.indexOf(':');
    if (colon > 0) {
      String prefix = name.substring(0, colon);
      xml.writeStartElement(prefix, name.substring(colon + 1), namespace(prefix));
    } else {
      xml.writeStartElement(name);
    }
  }

  /** The prefixes of every extension name in the event, to be declared on its element. */
  private static void collectPrefixes(JsonNode node, Set<String> prefixes) {
    if (node.isArray()) {
      node.forEach(element -> collectPrefixes(element, prefixes));
    } else if (node.isObject()) {
      for (var entry : node.properties()) {
        String field = entry.getKey();
        int colon = field.indexOf(':');
        if (!isElementName(field)) {
          prefixes.add(EpcisMapper.PREFIX);
        } else if (colon > 0) {
          prefixes.add(field.substring(0, colon));
        }
        collectPrefixes(entry.getValue(), prefixes);
      }
    }
  }

  /** Whether a field name can be an element name ({@code name} or {@code prefix:name}). */
  private static boolean isElementName(String name) {
    return ELEMENT_NAME.matcher(name).matches() && !isIri(name);
  }

  private String namespace(String prefix) {
    if (prefix.equals(EpcisMapper.PREFIX) && !namespaces.containsKey(prefix)) {
      return EpcisMapper.NAMESPACE;
    }
    String bound = namespaces.get(prefix);
    if (bound == null) {
      bound = WELL_KNOWN.get(prefix);
    }
    // A prefix bound nowhere still needs a namespace to be well-formed XML; keep its name.
    return bound != null ? bound : "urn:oretrace:unbound-prefix:" + prefix;
  }

  private static boolean isIri(String name) {
    return name.contains("://")
        || name.startsWith("urn:")
        || name.startsWith("http:")
        || name.startsWith("https:");
  }

  /** A bare CBV word as the URN of the XML binding; URIs stay as they are. */
  private static String cbv(String value, String urnPrefix) {
    return value.indexOf(':') < 0 ? urnPrefix + value : value;
  }

  /** The prefixes an {@code @context} binds to namespace strings. */
  private static Map<String, String> namespacesOf(JsonNode context) {
    Map<String, String> found = new LinkedHashMap<>();
    List<JsonNode> parts = new ArrayList<>();
    if (context.isArray()) {
      context.forEach(parts::add);
    } else {
      parts.add(context);
    }
    for (JsonNode part : parts) {
      if (part.isObject()) {
        for (var entry : part.properties()) {
          if (entry.getValue().isTextual() && !entry.getKey().startsWith("@")) {
            found.put(entry.getKey(), entry.getValue().asText());
          }
        }
      }
    }
    return found;
  }

  /** The parts in order, each field once (TransactionEvent puts bizTransactionList first). */
  @SafeVarargs
  private static List<String> order(List<String>... parts) {
    Set<String> all = new LinkedHashSet<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }
}
