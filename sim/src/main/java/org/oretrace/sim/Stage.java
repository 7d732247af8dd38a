package org.oretrace.sim;

import java.util.List;

/**
 * One step of a supply chain (extraction, trade, concentration, export, smelting): it takes the
 * lots the previous step left, records the events that move them on, and returns the lots it leaves
 * for the next step. A scenario is a pipeline of stages over a geography; a planted scheme (tag
 * laundering, mass inflation...) will be a stage too, inserted where the scheme happens, that also
 * writes its ground truth.
 */
interface Stage {

  List<SimulatedLot> run(List<SimulatedLot> lots);
}
