package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.oretrace.core.Violation;

/**
 * GS1's XSD accepts every GS1 XML example and refuses documents broken the ways a sender breaks
 * them, naming the event and the element.
 */
class XmlSchemaValidationTest {

  private static final XmlSchemaValidation XSD = new XmlSchemaValidation();
  private static final String EXAMPLE = "XML/ObjectEvent.xml";

  static List<String> gs1XmlExamples() {
    return EpcisFixtures.gs1XmlExamples();
  }

  private static List<Violation> validate(String xml) {
    return XSD.validate(xml.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("gs1XmlExamples")
  void acceptsEveryGs1Example(String example) {
    assertThat(XSD.validate(EpcisFixtures.read(example))).isEmpty();
  }

  /** One replacement in the first example that is an XSD violation, and the event it hits. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<action>OBSERVE</action>|<action>SHOUT</action>|0|action",
        "<action>ADD</action>|<action>add</action>|1|action",
        "<eventTime>2005-04-03T20:33:31.116-06:00</eventTime>|"
            + "<eventTime>yesterday</eventTime>|0|eventTime",
        "<quantity>150</quantity>|<quantity>a lot</quantity>|1|quantityList/quantityElement/quantity",
        "<epc>urn:epc:id:sgtin:0614141.107346.2018</epc>|"
            + "<epc>urn:epc:id:sgtin:0614141.107346.2018</epc><colour>red</colour>|0|epcList/colour",
        "<ObjectEvent>|<ObjectEvnt>|0|''",
        "<eventTimeZoneOffset>-06:00</eventTimeZoneOffset>||0|''",
      })
  void refusesABrokenEventNamingItsPositionAndElement(
      String from, String to, int event, String pathStart) {
    String example = new String(EpcisFixtures.read(EXAMPLE), StandardCharsets.UTF_8);
    String broken = replaceFirst(example, from, to == null ? "" : to);
    if (from.equals("<ObjectEvent>")) {
      broken = replaceFirst(broken, "</ObjectEvent>", "</ObjectEvnt>");
    }
    assertThat(broken).isNotEqualTo(example);

    List<Violation> violations = validate(broken);

    assertThat(violations).isNotEmpty();
    assertThat(violations.getFirst().item()).isEqualTo(event);
    assertThat(violations.getFirst().field()).startsWith(pathStart);
    assertThat(violations.getFirst().message()).startsWith("line ");
  }

  @Test
  void refusesADocumentThatIsNotEpcis() {
    List<Violation> violations = validate("<order xmlns=\"urn:example\"><id>1</id></order>");

    assertThat(violations).singleElement().satisfies(v -> assertThat(v.item()).isEqualTo(-1));
    assertThat(violations.getFirst().message()).contains("order");
  }

  @Test
  void refusesXmlThatIsNotWellFormedOrHasADoctype() {
    assertThat(validate("<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\">"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).startsWith("the body is not well-formed XML"));
    assertThat(
            validate(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<x>&e;</x>"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("DOCTYPE"));
  }

  @Test
  void stopsAtFiftyErrors() {
    String example = new String(EpcisFixtures.read(EXAMPLE), StandardCharsets.UTF_8);
    String many = example.replace("<action>OBSERVE</action>", "<action>SHOUT</action>");
    StringBuilder events = new StringBuilder();
    String event =
        many.substring(many.indexOf("<ObjectEvent>"), many.indexOf("</ObjectEvent>") + 14);
    events.append(event.repeat(80));
    String document =
        many.substring(0, many.indexOf("<ObjectEvent>"))
            + events
            + many.substring(many.indexOf("</EventList>"));

    List<Violation> violations = validate(document);

    assertThat(violations).hasSize(50);
    assertThat(violations.getLast().item()).isBetween(20, 79);
  }

  private static String replaceFirst(String text, String from, String to) {
    int at = text.indexOf(from);
    assertThat(at).as("the example holds %s", from).isGreaterThanOrEqualTo(0);
    return text.substring(0, at) + to + text.substring(at + from.length());
  }
}
