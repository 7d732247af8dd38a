package org.oretrace.sim;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A kind of world the simulator can generate, such as the Great Lakes 3T supply chain. Generation
 * is deterministic: the same options give an equal world.
 */
public interface Scenario {

  /** The name used on the command line, e.g. "great-lakes-3t". */
  String name();

  World generate(SimulationOptions options);

  /** Coltan, cassiterite and wolframite from eastern DRC, Rwanda, Burundi and Uganda to Asia. */
  static Scenario greatLakes() {
    return new AtlasScenario("great-lakes-3t", GreatLakesAtlas::geography);
  }

  /**
   * Alluvial gold from the garimpos of Brazil, Venezuela, Colombia, Peru, Guyana and Suriname,
   * through gold buyers and exporters to refineries in Switzerland, the Emirates and India.
   */
  static Scenario amazonGold() {
    return new AtlasScenario("amazon-gold", AmazonGoldAtlas::geography);
  }

  /** Rare-earth concentrate from the leaching sites of Kachin State across the border to China. */
  static Scenario myanmarRareEarths() {
    return new AtlasScenario("myanmar-ree", MyanmarRareEarthAtlas::geography);
  }

  /** Every scenario, in the order a user would want them listed. */
  static List<Scenario> all() {
    return List.of(greatLakes(), amazonGold(), myanmarRareEarths());
  }

  /** The scenario with this name; throws IllegalArgumentException listing the names known. */
  static Scenario named(String name) {
    requireNonNull(name, "name is null");
    return all().stream()
        .filter(scenario -> scenario.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no scenario named '"
                        + name
                        + "'; known: "
                        + all().stream().map(Scenario::name).collect(Collectors.joining(", "))));
  }
}
