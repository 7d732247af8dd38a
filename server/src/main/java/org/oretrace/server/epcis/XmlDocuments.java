package org.oretrace.server.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.oretrace.core.Violation;
import org.oretrace.store.epcis.EpcisMapper;
import org.oretrace.store.epcis.EpcisXmlWriter;
import org.oretrace.store.json.Json;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Converts an EPCIS 2.0 XML document into its JSON-LD form, following the standard's XML/JSON
 * correspondence: list elements ({@code epcList/epc}, {@code bizTransactionList/bizTransaction
 * type=...}) become arrays, attributes of sensor elements become fields, CBV URNs become their bare
 * words ({@code urn:epcglobal:cbv:bizstep:shipping} to {@code shipping}), and elements of other
 * namespaces (extensions, ILMD) become {@code prefix:name} fields with the prefix added to the
 * {@code @context}; {@code <ot:entry key="K">} becomes the field K (a name XML cannot spell). The
 * result is then validated against the JSON Schema like any JSON document, so one schema judges
 * both forms. The parser refuses DTDs and external entities (XXE).
 */
final class XmlDocuments {

  private static final Set<String> EVENT_TYPES =
      Set.of(
          "ObjectEvent",
          "AggregationEvent",
          "TransactionEvent",
          "TransformationEvent",
          "AssociationEvent");

  /** Elements that are objects even when empty ({@code <ilmd/>}). */
  private static final Set<String> CONTAINERS =
      Set.of("sensorElement", "ilmd", "errorDeclaration", "sensorMetadata");

  private static final Set<String> NUMBERS =
      Set.of(
          "quantity",
          "value",
          "minValue",
          "maxValue",
          "meanValue",
          "sDev",
          "percRank",
          "percValue");

  private static final Map<String, String> CBV_PREFIXES =
      Map.of(
          "bizStep", "urn:epcglobal:cbv:bizstep:",
          "disposition", "urn:epcglobal:cbv:disp:",
          "reason", "urn:epcglobal:cbv:er:");

  private XmlDocuments() {}

  static ObjectNode toJson(byte[] body) {
    Document document = parse(body);
    Element root = document.getDocumentElement();
    Map<String, String> namespaces = new LinkedHashMap<>();
    ObjectNode json = Json.object();
    json.put("type", root.getLocalName());
    copyAttribute(root, "schemaVersion", json);
    copyAttribute(root, "creationDate", json);
    ArrayNode events = Json.array();
    Element body1 = child(root, "EPCISBody");
    Element list = body1 == null ? null : child(body1, "EventList");
    if (list == null && body1 != null) {
      Element results = child(body1, "QueryResults");
      Element resultsBody = results == null ? null : child(results, "resultsBody");
      list = resultsBody == null ? null : child(resultsBody, "EventList");
    }
    if (list != null) {
      for (Element event : children(list)) {
        Element actual = event;
        if (!EVENT_TYPES.contains(event.getLocalName())) {
          // EPCIS 1.x wrapped newer event types in <extension>.
          List<Element> inner = children(event);
          actual = inner.isEmpty() ? event : inner.getFirst();
        }
        events.add(event(actual, namespaces));
      }
    }
    ArrayNode context = EpcisMapper.context();
    ObjectNode prefixes = (ObjectNode) context.get(1);
    namespaces.forEach(prefixes::put);
    json.set("@context", context);
    if ("EPCISQueryDocument".equals(root.getLocalName())) {
      json.putObject("epcisBody")
          .putObject("queryResults")
          .put("queryName", "SimpleEventQuery")
          .putObject("resultsBody")
          .set("eventList", events);
    } else {
      json.putObject("epcisBody").set("eventList", events);
    }
    return json;
  }

  private static ObjectNode event(Element element, Map<String, String> namespaces) {
    ObjectNode event = Json.object();
    event.put("type", element.getLocalName());
    fill(event, element, namespaces);
    // EPCIS 1.2 kept eventID and errorDeclaration in <baseExtension>.
    JsonNode base = event.remove("baseExtension");
    if (base != null && base.isObject()) {
      event.setAll((ObjectNode) base);
    }
    JsonNode extension = event.remove("extension");
    if (extension != null && extension.isObject()) {
      event.setAll((ObjectNode) extension);
    }
    return event;
  }

  /** Copies an element's children into an object, the EPCIS way. */
  private static void fill(ObjectNode target, Element element, Map<String, String> namespaces) {
    for (Element child : children(element)) {
      if (isEntry(child)) {
        JsonNode value;
        if (children(child).isEmpty()) {
          value = Json.mapper().getNodeFactory().textNode(text(child));
        } else {
          ObjectNode nested = Json.object();
          fill(nested, child, namespaces);
          value = nested;
        }
        put(target, child.getAttribute(EpcisXmlWriter.ENTRY_KEY), value);
        continue;
      }
      String name = name(child, namespaces);
      String local = child.getLocalName();
      if (EpcisXmlWriter.LISTS.containsKey(local) && isEpcis(child)) {
        ArrayNode array = target.withArray(name);
        for (Element item : children(child)) {
          array.add(listItem(local, item, namespaces));
        }
      } else if (local.equals("readPoint") || local.equals("bizLocation")) {
        ObjectNode location = target.putObject(name);
        fill(location, child, namespaces);
      } else if (local.equals("persistentDisposition") && isEpcis(child)) {
        ObjectNode disposition = target.putObject(name);
        for (Element item : children(child)) {
          disposition.withArray(item.getLocalName()).add(bare("disposition", text(item)));
        }
      } else if (CONTAINERS.contains(local) || !children(child).isEmpty()) {
        ObjectNode nested = Json.object();
        attributes(nested, child, namespaces);
        fill(nested, child, namespaces);
        put(target, name, nested);
      } else {
        put(target, name, scalar(local, bare(local, text(child))));
      }
    }
  }

  private static JsonNode listItem(String list, Element item, Map<String, String> namespaces) {
    switch (list) {
      case "bizTransactionList" -> {
        ObjectNode transaction = Json.object();
        if (item.hasAttribute("type")) {
          transaction.put("type", bareType(item.getAttribute("type"), "urn:epcglobal:cbv:btt:"));
        }
        return transaction.put("bizTransaction", text(item));
      }
      case "sourceList", "destinationList" -> {
        String key = item.getLocalName();
        return Json.object()
            .put("type", bareType(item.getAttribute("type"), "urn:epcglobal:cbv:sdt:"))
            .put(key, text(item));
      }
      case "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" -> {
        ObjectNode quantity = Json.object();
        fill(quantity, item, namespaces);
        return quantity;
      }
      case "sensorElementList" -> {
        ObjectNode element = Json.object();
        for (Element part : children(item)) {
          String name = name(part, namespaces);
          ObjectNode value = Json.object();
          attributes(value, part, namespaces);
          if (part.getLocalName().equals("sensorReport") && isEpcis(part)) {
            element.withArray(name).add(value);
          } else if (value.isEmpty() && children(part).isEmpty() && !isEpcis(part)) {
            // An extension holding only text, such as <example:someUserField>.
            put(element, name, scalar(part.getLocalName(), text(part)));
          } else {
            fill(value, part, namespaces);
            put(element, name, value);
          }
        }
        return element;
      }
      default -> {
        return Json.mapper().getNodeFactory().textNode(text(item));
      }
    }
  }

  private static void attributes(
      ObjectNode target, Element element, Map<String, String> namespaces) {
    NamedNodeMap attributes = element.getAttributes();
    for (int index = 0; index < attributes.getLength(); index++) {
      Attr attribute = (Attr) attributes.item(index);
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
        continue;
      }
      String local = attribute.getLocalName();
      String name =
          attribute.getNamespaceURI() == null
              ? local
              : prefixed(attribute.getNamespaceURI(), attribute.getPrefix(), local, namespaces);
      if (local.equals("booleanValue")) {
        target.put(name, Boolean.parseBoolean(attribute.getValue()));
      } else {
        target.set(name, scalar(local, attribute.getValue()));
      }
    }
  }

  private static JsonNode scalar(String local, String value) {
    if (NUMBERS.contains(local)) {
      try {
        return Json.mapper().getNodeFactory().numberNode(new BigDecimal(value));
      } catch (NumberFormatException e) {
        return Json.mapper().getNodeFactory().textNode(value);
      }
    }
    return Json.mapper().getNodeFactory().textNode(value);
  }

  private static void put(ObjectNode target, String name, JsonNode value) {
    JsonNode existing = target.get(name);
    if (existing == null) {
      target.set(name, value);
    } else if (existing.isArray()) {
      ((ArrayNode) existing).add(value);
    } else {
      ArrayNode array = Json.array().add(existing).add(value);
      target.set(name, array);
    }
  }

  private static String bare(String local, String value) {
    String prefix = CBV_PREFIXES.get(local);
    return prefix != null && value.startsWith(prefix) ? value.substring(prefix.length()) : value;
  }

  private static String bareType(String value, String prefix) {
    return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
  }

  /** {@code <ot:entry key="...">}: a field whose name is no XML name (see EpcisXmlWriter). */
  private static boolean isEntry(Element element) {
    return EpcisMapper.NAMESPACE.equals(element.getNamespaceURI())
        && element.getLocalName().equals(EpcisXmlWriter.ENTRY)
        && element.hasAttribute(EpcisXmlWriter.ENTRY_KEY);
  }

  private static boolean isEpcis(Element element) {
    String namespace = element.getNamespaceURI();
    return namespace == null || namespace.startsWith("urn:epcglobal:epcis");
  }

  private static String name(Element element, Map<String, String> namespaces) {
    if (isEpcis(element)) {
      return element.getLocalName();
    }
    return prefixed(
        element.getNamespaceURI(), element.getPrefix(), element.getLocalName(), namespaces);
  }

  private static String prefixed(
      String namespace, String prefix, String local, Map<String, String> namespaces) {
    String chosen = prefix == null || prefix.isEmpty() ? "ns" + namespaces.size() : prefix;
    namespaces.putIfAbsent(chosen, namespace);
    return chosen + ":" + local;
  }

  private static Element child(Element parent, String local) {
    for (Element child : children(parent)) {
      if (child.getLocalName().equals(local)) {
        return child;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent) {
    java.util.ArrayList<Element> elements = new java.util.ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  private static String text(Element element) {
    return element.getTextContent().strip();
  }

  private static void copyAttribute(Element element, String name, ObjectNode target) {
    if (element.hasAttribute(name)) {
      target.put(name, element.getAttribute(name));
    }
  }

  private static Document parse(byte[] body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(body));
    } catch (SAXException e) {
      throw EpcisProblem.validation(
          List.of(Violation.of(-1, "", "the body is not well-formed XML: " + e.getMessage())));
    } catch (ParserConfigurationException | IOException e) {
      throw new IllegalStateException("cannot read XML", e);
    }
  }
}
