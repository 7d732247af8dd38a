/**
 * The scenario simulator: synthetic but realistic worlds of mine sites, actors and custody events.
 *
 * <p>Public surface: {@link org.oretrace.sim.Scenario} (pick a scenario and generate a world),
 * {@link org.oretrace.sim.SimulationOptions} (seed, size, start, {@link
 * org.oretrace.sim.SchemeRates scheme rates}) and {@link org.oretrace.sim.World} (what comes out,
 * with its {@link org.oretrace.sim.GroundTruth}). Everything else is package-private: a scenario is
 * data (a {@code Geography}) driven through a pipeline of supply-chain stages that record events in
 * a {@code Chronicle}; {@code Schemes} earmarks lots for smuggling schemes that the stages then
 * plant.
 */
package org.oretrace.sim;
