/**
 * Where the people around a tap hold their carriers, relative to the reader (docs/architecture.md#model):
 * the next passenger in the queue and the tappers at the neighbouring gates. One geometry for every
 * band that hears bystanders (2.45 GHz, 13.56 MHz); the scenario's `bystanders` section sets it.
 * No value in docs/sources.md: every default is [E] (the constants the 2.45 GHz model always used).
 */
import type { Distribution } from '../random/distributions.js';
import type { CarryPlacement } from '../physics/path-loss.js';

export interface BystanderGeometry {
  /** Height of the person behind's carrier above the reader surface, m. */
  behindHeightM: Distribution;
  /** Horizontal distance of the person behind's carrier from the reader axis, m. */
  behindDistanceM: Distribution;
  /** Where a waiting person's phone is (body loss at 2.45 GHz). */
  restingPlacement: CarryPlacement;
  /** Height of a tapper's carrier at a neighbouring gate above its own reader, m (readers of a gateline at one height). */
  neighbourHeightM: Distribution;
  /** Lateral offset of that carrier from its own reader axis towards this reader, m (its distance here: lanes × pitch − offset, ≥ 0). */
  neighbourOffsetM: Distribution;
}

/** Today's constants [E] (no value in docs/sources.md): 5–35 cm up, 30–60 cm back, phone in the pocket; neighbours at 2 cm over their reader, on its axis. */
export const DEFAULT_BYSTANDER_GEOMETRY: BystanderGeometry = {
  behindHeightM: { kind: 'uniform', min: 0.05, max: 0.35 }, // [E]
  behindDistanceM: { kind: 'uniform', min: 0.3, max: 0.6 }, // [E]
  restingPlacement: 'pocket', // [E]
  neighbourHeightM: { kind: 'constant', value: 0.02 }, // [E]
  neighbourOffsetM: { kind: 'constant', value: 0 }, // [E]
};

/** Lateral distance of a neighbour's carrier from this reader, m: its reader's distance less its offset towards here, never negative. */
export function neighbourLateralM(readerLateralM: number, offsetTowardsM: number): number {
  return Math.max(0, readerLateralM - offsetTowardsM);
}
