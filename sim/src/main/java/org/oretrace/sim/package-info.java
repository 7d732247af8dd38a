/**
 * The scenario simulator: synthetic but realistic worlds of mine sites, actors and custody events.
 *
 * <p>Public surface: {@link org.oretrace.sim.Scenario} (pick a scenario and generate a world),
 * {@link org.oretrace.sim.SimulationOptions} (seed, size, start) and {@link org.oretrace.sim.World}
 * (what comes out). Everything else is package-private: a scenario is data (a {@code Geography})
 * driven through a pipeline of supply-chain stages that record events in a {@code Chronicle}.
 */
package org.oretrace.sim;
