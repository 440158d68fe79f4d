/**
 * What a reader sees around the tapper (for the bands that hear bystanders: 2.45 GHz and 13.56 MHz):
 * the next passenger in the queue behind (their carrier at rest) and the tappers at the gates up to
 * two lanes either side, at their readers' lateral distance, with the scenario's bystander geometry.
 * Other bands see nobody (`NO_SURROUNDINGS`): a QR tap skips gathering them.
 */
import type { TapSurroundings } from '../../devices/reader.js';
import { DEFAULT_BYSTANDER_GEOMETRY } from '../../radio/bystander-geometry.js';
import type { Gate } from '../gate.js';
import type { WorldConfig } from '../world-config.js';

export const NO_SURROUNDINGS: TapSurroundings = { behind: null, neighbours: [], pitchM: 0, geometry: DEFAULT_BYSTANDER_GEOMETRY };

/** The surroundings of a tap at `gate`, read from `gates` (gateline × lane) at the time of the call. */
export function gateSurroundings(cfg: WorldConfig, gates: readonly (readonly Gate[])[]): (gate: Gate) => TapSurroundings {
  return (gate: Gate): TapSurroundings => {
    const line = cfg.gatelines[gate.gatelineIndex]!;
    const row = gates[gate.gatelineIndex]!;
    const behind = gate.nextInQueue;
    const neighbours: Array<{ carrier: TapSurroundings['neighbours'][number]['carrier']; lateralM: number }> = [];
    for (const d of [-2, -1, 1, 2]) {
      const other = row[gate.lane + d];
      const tapper = other?.inService;
      if (other !== undefined && other.transacting && tapper != null) {
        neighbours.push({ carrier: cfg.carriers[tapper.carrierIndex]!.bystander, lateralM: Math.abs(d) * line.pitchM });
      }
    }
    return { behind: behind === null ? null : cfg.carriers[behind.carrierIndex]!.bystander, neighbours, pitchM: line.pitchM, geometry: cfg.bystanders };
  };
}
