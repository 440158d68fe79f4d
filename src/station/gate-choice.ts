/**
 * How a passenger picks a gate among a gateline's gates.
 *  - shortest-queue: least load (waiting + in service); ties → the nearest to the approach.
 *  - nearest: the gate nearest the approach point (fixed per passenger), whatever its queue.
 *  - random: uniform.
 *  - sticky: the lane used last if any, else shortest-queue.
 */
import type { RandomStream } from '../random/stream.js';

export type GateChoicePolicy = 'shortest-queue' | 'nearest' | 'random' | 'sticky';

export interface ChoosableGate {
  readonly load: number;
}

/** Index of the chosen gate among `gates`. `approach01` is where the passenger arrives along the line (0–1). */
export function chooseGate(policy: GateChoicePolicy, gates: readonly ChoosableGate[], rng: RandomStream, approach01: number, lastLane: number): number {
  const n = gates.length;
  const nearest = Math.min(n - 1, Math.floor(approach01 * n));
  switch (policy) {
    case 'random':
      return Math.min(n - 1, Math.floor(rng.next01() * n));
    case 'nearest':
      return nearest;
    case 'sticky':
      if (lastLane >= 0 && lastLane < n) return lastLane;
      return shortest(gates, nearest);
    case 'shortest-queue':
      return shortest(gates, nearest);
  }
}

function shortest(gates: readonly ChoosableGate[], nearest: number): number {
  let best = nearest;
  let bestLoad = (gates[nearest] as ChoosableGate).load;
  // Scan outwards from the nearest gate so ties go to the closest one.
  for (let d = 1; d < gates.length; d++) {
    const left = gates[nearest - d];
    if (left !== undefined && left.load < bestLoad) {
      best = nearest - d;
      bestLoad = left.load;
    }
    const right = gates[nearest + d];
    if (right !== undefined && right.load < bestLoad) {
      best = nearest + d;
      bestLoad = right.load;
    }
  }
  return best;
}
