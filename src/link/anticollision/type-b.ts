/**
 * ISO/IEC 14443-3 Type B slotted anticollision (docs/sources.md#f2-2, #f2-5): REQB with N = 2^n slots, each card picks
 * a slot uniformly; the PCD probes slots with Slot-MARKERs and takes the first singleton (ATQB without
 * collision). Rounds repeat until a singleton is found or `maxRounds` is spent.
 */
import type { RandomStream } from '../../random/stream.js';
import type { AnticollisionResult, CollisionPolicy } from './type-a.js';

/** Expected singleton slots in one round: n·(1 − 1/N)^(n−1) — docs/sources.md#f2-5 (V7). */
export function expectedSingletonsTypeB(cards: number, slots: number): number {
  return cards * (1 - 1 / slots) ** (cards - 1);
}

/** One slotted round: number of singleton slots (for V7 Monte Carlo). `counts` is scratch of length ≥ N. */
export function singletonsInRound(cards: number, slots: number, rng: RandomStream, counts: Uint16Array = new Uint16Array(slots)): number {
  counts.fill(0, 0, slots);
  for (let i = 0; i < cards; i++) counts[Math.floor(rng.next01() * slots)]! += 1;
  let singles = 0;
  for (let s = 0; s < slots; s++) if (counts[s] === 1) singles++;
  return singles;
}

/** Slot count N = 2^n, n = 0…4 (PARAM) — docs/sources.md#f2-2. */
export function checkSlots(slots: number): number {
  if (![1, 2, 4, 8, 16].includes(slots)) throw new Error(`Type B slot count must be 1, 2, 4, 8 or 16 (got ${slots})`);
  return slots;
}

/**
 * Resolve responders with slotted rounds. Frames = slots probed (REQB counts as slot 1, each
 * Slot-MARKER one more); collisions = collided slots. EMV policy: any collision, or a second card
 * answering in the round, fails with `selected: null` (docs/sources.md#f2-3).
 */
export function resolveTypeB<T>(responders: readonly T[], rng: RandomStream, policy: CollisionPolicy = 'transit', slots = 4, maxRounds = 8): AnticollisionResult<T> {
  checkSlots(slots);
  let frames = 0;
  let collisions = 0;
  if (responders.length === 0) return { selected: null, frames: 1, collisions: 0 };
  const chosen = new Int32Array(responders.length);
  for (let round = 0; round < maxRounds; round++) {
    for (let i = 0; i < responders.length; i++) chosen[i] = Math.floor(rng.next01() * slots);
    for (let s = 0; s < slots; s++) {
      frames++;
      let count = 0;
      let who = -1;
      for (let i = 0; i < responders.length; i++) if (chosen[i] === s) { count++; who = i; }
      if (count > 1) {
        collisions++;
        if (policy === 'emv') return { selected: null, frames, collisions };
      } else if (count === 1) {
        if (policy === 'emv' && responders.length > 1) return { selected: null, frames, collisions: collisions + 1 };
        return { selected: responders[who] as T, frames, collisions };
      }
    }
  }
  return { selected: null, frames, collisions };
}
