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
  return chooseGateByLoad(policy, Float64Array.from(gates, (g) => g.load), 0, gates.length, rng, approach01, lastLane);
}

/**
 * As `chooseGate`, with the gates' loads read from `loads[first … first + n)` (the world keeps them
 * side by side in one array, so a choice touches one or two cache lines).
 */
export function chooseGateByLoad(policy: GateChoicePolicy, loads: Float64Array, first: number, n: number, rng: RandomStream, approach01: number, lastLane: number): number {
  const nearest = Math.min(n - 1, Math.floor(approach01 * n));
  switch (policy) {
    case 'random':
      return Math.min(n - 1, Math.floor(rng.next01() * n));
    case 'nearest':
      return nearest;
    case 'sticky':
      if (lastLane >= 0 && lastLane < n) return lastLane;
      return shortest(loads, first, n, nearest);
    case 'shortest-queue':
      return shortest(loads, first, n, nearest);
  }
}

function shortest(loads: Float64Array, first: number, n: number, nearest: number): number {
  let best = nearest;
  let bestLoad = loads[first + nearest] as number;
  // Scan outwards from the nearest gate so ties go to the closest one.
  for (let d = 1; d < n; d++) {
    const left = nearest - d;
    if (left >= 0 && (loads[first + left] as number) < bestLoad) {
      best = left;
      bestLoad = loads[first + left] as number;
    }
    const right = nearest + d;
    if (right < n && (loads[first + right] as number) < bestLoad) {
      best = right;
      bestLoad = loads[first + right] as number;
    }
  }
  return best;
}
