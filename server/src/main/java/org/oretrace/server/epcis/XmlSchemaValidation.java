package org.oretrace.server.epcis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.oretrace.core.Violation;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Validates EPCIS 2.0 XML documents against GS1's XSD ({@code EPCglobal-epcis-2_0.xsd} and {@code
 * EPCglobal-epcis-query-2_0.xsd} with the SBDH files they import), unpacked at build time under
 * {@code epcis/xsd} of the classpath (see server/pom.xml). The schema is compiled once; a {@link
 * Schema} is thread-safe, its validators are not, so each document gets its own.
 *
 * <p>The document is streamed through a SAX parser that refuses DTDs (so no entity can reach the
 * file system or the network) into the JDK's validator; a filter in between counts the children of
 * {@code EventList} so that each error names its event by position, like the JSON Schema's errors,
 * and the element path inside it. The XSD imports only files beside it: the schema factory may read
 * {@code jar:} and {@code file:} locations and nothing else.
 */
final class XmlSchemaValidation {

  static final String RESOURCE_FOLDER = "/epcis/xsd/";
  private static final List<String> SCHEMAS =
      List.of("EPCglobal-epcis-2_0.xsd", "EPCglobal-epcis-query-2_0.xsd");
  private static final int MAX_ERRORS = 50;

  private final Schema schema;

  XmlSchemaValidation() {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      StreamSource[] sources = new StreamSource[SCHEMAS.size()];
      for (int index = 0; index < sources.length; index++) {
        URL url = XmlSchemaValidation.class.getResource(RESOURCE_FOLDER + SCHEMAS.get(index));
        if (url == null) {
          throw new IllegalStateException(
              "GS1's EPCIS XSD is missing from the classpath (" + SCHEMAS.get(index) + ")");
        }
        sources[index] = new StreamSource(url.toExternalForm());
      }
      schema = factory.newSchema(sources);
    } catch (SAXException e) {
      throw new IllegalStateException("cannot compile GS1's EPCIS XSD", e);
    }
  }

  /**
   * Every XSD violation of the document (at most 50), or an empty list. A body that is not
   * well-formed XML, or declares a DTD, gives one violation saying so.
   */
  List<Violation> validate(byte[] body) {
    Errors errors = new Errors();
    EventPositions positions = new EventPositions();
    try {
      SAXParserFactory parsers = SAXParserFactory.newInstance();
      parsers.setNamespaceAware(true);
      parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      parsers.setXIncludeAware(false);
      XMLReader reader = parsers.newSAXParser().getXMLReader();
      ValidatorHandler validator = schema.newValidatorHandler();
      validator.setErrorHandler(new Collector(errors, positions));
      positions.setParent(reader);
      positions.setContentHandler(validator);
      positions.setErrorHandler(new Collector(errors, positions));
      positions.parse(new InputSource(new ByteArrayInputStream(body)));
    } catch (TooManyErrors e) {
      // the first MAX_ERRORS are enough to tell what is wrong
    } catch (SAXParseException e) {
      if (!errors.fatal) {
        return List.of(
            Violation.of(-1, "", "the body is not well-formed XML: " + located(e, e.getMessage())));
      }
    } catch (SAXException e) {
      return List.of(Violation.of(-1, "", "the body is not well-formed XML: " + e.getMessage()));
    } catch (ParserConfigurationException | IOException e) {
      throw new IllegalStateException("cannot read XML", e);
    }
    if (errors.fatal) {
      return List.of(errors.list.getLast());
    }
    return errors.list.stream().distinct().toList();
  }

  private static String located(SAXParseException error, String message) {
    return "line " + error.getLineNumber() + ", column " + error.getColumnNumber() + ": " + message;
  }

  /** Violations found so far; {@code fatal} when the XML itself is broken. */
  private static final class Errors {
    final List<Violation> list = new ArrayList<>();
    boolean fatal;
  }

  private static final class TooManyErrors extends SAXException {
    private static final long serialVersionUID = 1L;
  }

  /** Turns the validator's errors into violations naming the event and the element path. */
  private record Collector(Errors errors, EventPositions positions) implements ErrorHandler {

    @Override
    public void warning(SAXParseException exception) {
      // warnings (such as unresolvable lax content) do not make a document invalid
    }

    @Override
    public void error(SAXParseException exception) throws SAXException {
      errors.list.add(
          Violation.of(
              positions.event(), positions.path(), located(exception, exception.getMessage())));
      if (errors.list.size() >= MAX_ERRORS) {
        throw new TooManyErrors();
      }
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXException {
      errors.fatal = true;
      errors.list.add(
          Violation.of(
              -1,
              "",
              "the body is not well-formed XML: " + located(exception, exception.getMessage())));
      throw exception;
    }
  }

  /**
   * Passes the parser's events on to the validator unchanged, keeping the position of the current
   * event in {@code EventList} and the path of local names below it.
   */
  private static final class EventPositions extends XMLFilterImpl {
    private final Deque<String> open = new ArrayDeque<>();
    private int event = -1;
    private int eventDepth = -1;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws SAXException {
      if (eventDepth < 0 && "EventList".equals(open.peek())) {
        event++;
        eventDepth = open.size();
      }
      open.push(localName);
      super.startElement(uri, localName, qName, attributes);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      super.endElement(uri, localName, qName);
      open.pop();
      if (open.size() == eventDepth) {
        eventDepth = -1;
      }
    }

    /** The position of the event being read, or -1 outside the event list. */
    int event() {
      return eventDepth < 0 ? -1 : event;
    }

    /** The local names from the event's element (excluded) to the current one, joined by '/'. */
    String path() {
      if (eventDepth < 0) {
        List<String> names = new ArrayList<>(open);
        return String.join("/", names.reversed());
      }
      List<String> names = new ArrayList<>(open).reversed();
      return String.join("/", names.subList(Math.min(eventDepth + 1, names.size()), names.size()));
    }
  }
}
