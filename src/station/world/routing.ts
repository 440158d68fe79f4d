/**
 * Routing a passenger who has walked to the gatelines: the least loaded accepting gateline (load
 * per gate), then a gate by that line's policy; a passenger who finds the chosen gate's queue at
 * the line's balking length tries the other accepting lines, and balks (leaves) if all are full.
 */
import type { Passenger } from '../passenger.js';
import { chooseGateByLoad } from '../gate-choice.js';
import type { Gate } from '../gate.js';
import { GL } from '../station-metrics.js';
import type { WorldConfig } from '../world-config.js';
import type { WorldContext } from './context.js';

/** Per-gate loads with the gates of one gateline contiguous from firstGateSlot[line]. */
export interface GateLayout {
  readonly firstGateSlot: Int32Array;
  /** Waiting + in service, per gate slot; the gates write it, routing reads it. */
  readonly gateLoads: Float64Array;
}

export function gateLayout(cfg: WorldConfig): GateLayout {
  const firstGateSlot = new Int32Array(cfg.gatelines.length);
  let gateSlots = 0;
  cfg.gatelines.forEach((line, li) => {
    firstGateSlot[li] = gateSlots;
    gateSlots += line.gates;
  });
  return { firstGateSlot, gateLoads: new Float64Array(gateSlots) };
}

/** `arrive(p, linesByCarrier)`: the passenger reaches the gatelines `linesByCarrier[p.carrierIndex]`. Build it after the gates. */
export function gatelineRouting(ctx: WorldContext, layout: GateLayout): (p: Passenger, linesByCarrier: ReadonlyArray<readonly number[]>) => void {
  const { cfg, kernel, census, metrics, lineSeries, leave, counted } = ctx;
  const { firstGateSlot, gateLoads } = layout;
  // What gate choice reads of each gateline, in small side-by-side arrays (hot) rather than from
  // the gateline configuration objects (one cold cache line each).
  const lineGateCount = Int32Array.from(cfg.gatelines, (l) => l.gates);
  const lineBalkQueueLength = Float64Array.from(cfg.gatelines, (l) => l.balkQueueLength);
  const lineChoice = cfg.gatelines.map((l) => l.choice);
  /** All gates by slot (firstGateSlot[line] + lane): one flat array for the hot lookups. */
  const gateAt: Gate[] = ctx.gates.flat();

  return (p: Passenger, linesByCarrier: ReadonlyArray<readonly number[]>): void => {
    census.walking--;
    const lineIndices = linesByCarrier[p.carrierIndex]!;
    // The least loaded gateline (load per gate), then a gate by the line's policy.
    let best = lineIndices[0]!;
    let bestLoad = Infinity;
    for (const li of lineIndices) {
      const gatesOfLine = lineGateCount[li]!;
      let load = 0;
      for (let k = firstGateSlot[li]!, end = k + gatesOfLine; k < end; k++) load += gateLoads[k]!;
      load /= gatesOfLine;
      if (load < bestLoad) {
        bestLoad = load;
        best = li;
      }
    }
    for (let attempt = -1; attempt < lineIndices.length; attempt++) {
      const li = attempt < 0 ? best : lineIndices[attempt]!;
      if (attempt >= 0 && li === best) continue;
      const lane = chooseGateByLoad(lineChoice[li]!, gateLoads, firstGateSlot[li]!, lineGateCount[li]!, p.rng, p.rng.next01(), p.lastGate);
      const gate = gateAt[firstGateSlot[li]! + lane]!;
      if (gate.queueLength < lineBalkQueueLength[li]!) {
        p.lastGate = lane;
        lineSeries[li]!.add(GL.arrivals, kernel.nowNs);
        gate.join(p);
        return;
      }
    }
    census.abandoned++;
    if (counted()) metrics.balked++;
    leave(p);
  };
}
