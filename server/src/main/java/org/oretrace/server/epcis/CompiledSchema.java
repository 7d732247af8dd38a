package org.oretrace.server.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.format.DateTimeFormat;
import com.networknt.schema.format.Format;
import com.networknt.schema.format.UriFormat;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.oretrace.store.json.Json;

/**
 * A yes-or-no judge compiled from a draft-07 JSON Schema: each schema object becomes a tree of
 * small rules that test a document's tree directly, where networknt's validator walks its own
 * keyword objects with paths, contexts and results for every node. Only the keywords GS1's EPCIS
 * schema uses are known ({@code $ref} to {@code #/definitions/...}, type, enum, const, properties,
 * required, additionalProperties, propertyNames, items, minItems, maxItems, uniqueItems, allOf,
 * anyOf, oneOf, not, if/then/else, pattern, format uri and date-time); any other keyword, type or a
 * non-text enumeration refuses to compile, so a new schema cannot be judged silently otherwise.
 *
 * <p>It must say exactly what networknt says: formats are networknt's own classes, patterns are
 * Java expressions searched as networknt's default does, and {@code CompiledSchemaTest} holds the
 * two to the same verdict on every GS1 example and thousands of mutated documents. The capture uses
 * it for the yes-or-no check; a document it refuses is validated again by networknt, which lists
 * the problems (so a refusal networknt did not share would still be accepted).
 */
final class CompiledSchema {

  /** A condition on one node of a document. */
  private interface Rule {
    boolean holds(JsonNode node);
  }

  private static final Rule ALWAYS = node -> true;
  private static final Rule NEVER = node -> false;

  /** Keywords that say nothing about validity. */
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "$id",
          "$schema",
          "$comment",
          "definitions",
          "title",
          "description",
          "default",
          "examples");

  private final JsonNode schema;
  private final Map<String, Rule> compiled = new HashMap<>();
  private final Rule root;

  private CompiledSchema(JsonNode schema) {
    this.schema = schema;
    this.root = compile(schema);
    // Every definition is compiled now, not at its first use: the judge is then immutable and
    // safe to share between threads, and an unknown keyword anywhere fails at once.
    for (Map.Entry<String, JsonNode> definition : schema.path("definitions").properties()) {
      definition("#/definitions/" + definition.getKey());
    }
  }

  /**
   * Compiles a schema.
   *
   * @throws IllegalArgumentException when it uses a keyword or form this judge does not know
   */
  static CompiledSchema of(JsonNode schema) {
    return new CompiledSchema(schema);
  }

  /** Whether the document is valid. */
  boolean valid(JsonNode document) {
    return root.holds(document);
  }

  /** The rule of a definition, compiled once; a reference to one under way is resolved later. */
  private Rule definition(String reference) {
    Rule known = compiled.get(reference);
    if (known != null) {
      return known;
    }
    Rule[] target = new Rule[1];
    // Placed before compiling, so that a definition that refers to itself ends here.
    compiled.put(reference, node -> target[0].holds(node));
    String prefix = "#/definitions/";
    if (!reference.startsWith(prefix)) {
      throw new IllegalArgumentException("only #/definitions/ references are known: " + reference);
    }
    String name = URLDecoder.decode(reference.substring(prefix.length()), StandardCharsets.UTF_8);
    JsonNode definition = schema.path("definitions").get(name);
    if (definition == null) {
      throw new IllegalArgumentException("no definition " + reference);
    }
    target[0] = compile(definition);
    compiled.put(reference, target[0]);
    return target[0];
  }

  private Rule compile(JsonNode schema) {
    if (schema.isBoolean()) {
      return schema.booleanValue() ? ALWAYS : NEVER;
    }
    if (!schema.isObject()) {
      throw new IllegalArgumentException("a schema is an object or a boolean: " + schema);
    }
    List<Rule> rules = new ArrayList<>();
    // Cheap rules first: the conjunction stops at the first that fails.
    JsonNode type = schema.get("type");
    if (type != null) {
      rules.add(type(type));
    }
    JsonNode enumeration = schema.get("enum");
    if (enumeration != null) {
      rules.add(enumeration(enumeration));
    }
    JsonNode constant = schema.get("const");
    if (constant != null) {
      rules.add(enumeration(Json.array().add(constant)));
    }
    JsonNode required = schema.get("required");
    if (required != null) {
      List<String> list = new ArrayList<>();
      required.forEach(name -> list.add(name.asText()));
      String[] names = list.toArray(String[]::new);
      rules.add(
          node -> {
            if (node.isObject()) {
              for (String name : names) {
                if (!node.has(name)) {
                  return false;
                }
              }
            }
            return true;
          });
    }
    for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
      JsonNode value = keyword.getValue();
      switch (keyword.getKey()) {
        case "type", "enum", "const", "required" -> {}
        case "then", "else" -> {
          if (!schema.has("if")) {
            throw new IllegalArgumentException(keyword.getKey() + " without if");
          }
        }
        case "$ref" -> {
          if (schema.size() > 1) {
            throw new IllegalArgumentException("$ref beside other keywords: " + schema);
          }
          rules.add(definition(value.asText()));
        }
        case "properties" -> rules.add(properties(value, schema.get("additionalProperties")));
        case "additionalProperties" -> {
          if (!schema.has("properties")) {
            rules.add(properties(Json.object(), value));
          }
        }
        case "propertyNames" -> {
          Rule names = compile(value);
          rules.add(
              node -> {
                if (node.isObject()) {
                  for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (!names.holds(TextNode.valueOf(field.getKey()))) {
                      return false;
                    }
                  }
                }
                return true;
              });
        }
        case "items" -> rules.add(items(value));
        case "minItems" -> {
          int least = value.intValue();
          rules.add(node -> !node.isArray() || node.size() >= least);
        }
        case "maxItems" -> {
          int most = value.intValue();
          rules.add(node -> !node.isArray() || node.size() <= most);
        }
        case "uniqueItems" -> {
          if (value.booleanValue()) {
            rules.add(CompiledSchema::uniqueItems);
          }
        }
        case "allOf" -> {
          rules.add(all(compileAll(value)));
        }
        case "anyOf" -> {
          rules.add(any(compileAll(enumerationsFirst(value))));
        }
        case "oneOf" -> {
          Rule[] one = compileAll(value).toArray(Rule[]::new);
          rules.add(
              node -> {
                int holding = 0;
                for (Rule rule : one) {
                  if (rule.holds(node) && ++holding > 1) {
                    return false;
                  }
                }
                return holding == 1;
              });
        }
        case "not" -> {
          Rule negated = compile(value);
          rules.add(node -> !negated.holds(node));
        }
        case "if" -> {
          Rule condition = compile(value);
          Rule then = schema.has("then") ? compile(schema.get("then")) : ALWAYS;
          Rule otherwise = schema.has("else") ? compile(schema.get("else")) : ALWAYS;
          rules.add(node -> condition.holds(node) ? then.holds(node) : otherwise.holds(node));
        }
        case "pattern" -> {
          // networknt's default: a Java expression, searched anywhere in the text.
          Pattern pattern = Pattern.compile(value.asText());
          rules.add(node -> !node.isTextual() || pattern.matcher(node.textValue()).find());
        }
        case "format" -> rules.add(format(value.asText()));
        default -> {
          if (!ANNOTATIONS.contains(keyword.getKey())) {
            throw new IllegalArgumentException("unknown keyword " + keyword.getKey());
          }
        }
      }
    }
    return all(rules);
  }

  /** The conjunction of rules, tried in order. */
  private static Rule all(List<Rule> rules) {
    if (rules.isEmpty()) {
      return ALWAYS;
    }
    if (rules.size() == 1) {
      return rules.getFirst();
    }
    Rule[] all = rules.toArray(Rule[]::new);
    return node -> {
      for (Rule rule : all) {
        if (!rule.holds(node)) {
          return false;
        }
      }
      return true;
    };
  }

  /** The disjunction of rules, tried in order. */
  private static Rule any(List<Rule> rules) {
    Rule[] any = rules.toArray(Rule[]::new);
    return node -> {
      for (Rule rule : any) {
        if (rule.holds(node)) {
          return true;
        }
      }
      return false;
    };
  }

  /**
   * The branches of an {@code anyOf}, plain enumerations first: a disjunction holds whatever the
   * order, and an enumeration is the cheapest branch to try (see {@link SchemaValidation}).
   */
  private static List<JsonNode> enumerationsFirst(JsonNode branches) {
    List<JsonNode> ordered = new ArrayList<>();
    List<JsonNode> others = new ArrayList<>();
    for (JsonNode branch : branches) {
      (branch.has("enum") && !branch.has("$ref") ? ordered : others).add(branch);
    }
    ordered.addAll(others);
    return ordered;
  }

  private List<Rule> compileAll(Iterable<JsonNode> schemas) {
    List<Rule> rules = new ArrayList<>();
    schemas.forEach(schema -> rules.add(compile(schema)));
    return rules;
  }

  private static Rule type(JsonNode type) {
    List<String> names = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(name -> names.add(name.asText()));
    } else {
      names.add(type.asText());
    }
    List<Rule> rules = new ArrayList<>();
    for (String name : names) {
      rules.add(
          switch (name) {
            case "object" -> JsonNode::isObject;
            case "array" -> JsonNode::isArray;
            case "string" -> JsonNode::isTextual;
            case "number" -> JsonNode::isNumber;
            case "boolean" -> JsonNode::isBoolean;
            case "null" -> JsonNode::isNull;
            default -> throw new IllegalArgumentException("unknown type " + name);
          });
    }
    return rules.size() == 1 ? rules.getFirst() : any(rules);
  }

  private static Rule enumeration(JsonNode values) {
    Set<String> texts = new HashSet<>();
    for (JsonNode value : values) {
      if (!value.isTextual()) {
        // Numbers compare by value in networknt (1 = 1.0), which JsonNode.equals does not.
        throw new IllegalArgumentException("only text enumerations are known: " + values);
      }
      texts.add(value.textValue());
    }
    return node -> node.isTextual() && texts.contains(node.textValue());
  }

  private Rule properties(JsonNode properties, JsonNode additional) {
    Map<String, Rule> named = new HashMap<>();
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      named.put(property.getKey(), compile(property.getValue()));
    }
    Rule others = additional == null ? null : compile(additional);
    return node -> {
      if (!node.isObject()) {
        return true;
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        Rule rule = named.get(field.getKey());
        if (rule == null) {
          rule = others;
        }
        if (rule != null && !rule.holds(field.getValue())) {
          return false;
        }
      }
      return true;
    };
  }

  private Rule items(JsonNode items) {
    if (items.isArray()) {
      List<Rule> positions = compileAll(items);
      return node -> {
        if (!node.isArray()) {
          return true;
        }
        for (int index = 0; index < Math.min(node.size(), positions.size()); index++) {
          if (!positions.get(index).holds(node.get(index))) {
            return false;
          }
        }
        return true;
      };
    }
    Rule each = compile(items);
    return node -> {
      if (!node.isArray()) {
        return true;
      }
      for (JsonNode item : node) {
        if (!each.holds(item)) {
          return false;
        }
      }
      return true;
    };
  }

  private static boolean uniqueItems(JsonNode node) {
    if (!node.isArray()) {
      return true;
    }
    Set<JsonNode> seen = new HashSet<>();
    for (JsonNode item : node) {
      if (!seen.add(item)) {
        return false;
      }
    }
    return true;
  }

  private static Rule format(String name) {
    Format format =
        switch (name) {
          case "uri" -> new UriFormat();
          case "date-time" -> new DateTimeFormat();
          default -> throw new IllegalArgumentException("unknown format " + name);
        };
    // Both of networknt's formats judge the text alone: no execution context is needed.
    return node -> !node.isTextual() || format.matches(null, node.textValue());
  }
}
