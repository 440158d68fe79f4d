/**
 * ISO/IEC 14443-3 Type A bit-oriented anticollision on real UID bits (docs/sources.md#f2-5). The PCD learns the
 * first colliding bit position (Manchester collision detection) and follows one branch. UID bits are
 * walked in transmission order: byte 0 first, LSB first within a byte. Cascade levels are not split
 * out (the whole UID is one bit string) — a simplification for timing.
 */
import type { RandomStream } from '../../random/stream.js';

export interface TypeACard {
  uid: Uint8Array;
}

/** What resolving a set of responders produced. */
export interface AnticollisionResult<T> {
  /** The singulated card, or null (none in field, or an EMV-policy collision failure). */
  selected: T | null;
  /** ANTICOLLISION (or slot) response frames used. */
  frames: number;
  /** Collided responses seen. */
  collisions: number;
}

/** PCD policy with several cards: EMV stops at the first collision ("card clash"); transit resolves — docs/sources.md#f2-3. */
export type CollisionPolicy = 'emv' | 'transit';

const bitAt = (uid: Uint8Array, i: number): number => ((uid[i >> 3] ?? 0) >> (i & 7)) & 1;

/** First bit position ≥ `from` where the cards disagree, or −1 when they are all equal from there on. */
function firstCollisionBit<T extends TypeACard>(cards: readonly T[], from: number, nBits: number): number {
  const first = cards[0];
  if (first === undefined) return -1;
  for (let i = from; i < nBits; i++) {
    const b = bitAt(first.uid, i);
    for (let c = 1; c < cards.length; c++) if (bitAt((cards[c] as T).uid, i) !== b) return i;
  }
  return -1;
}

/**
 * Singulate one card, always following the '1' branch — docs/sources.md#f2-5 (V5). Frames = 1 + collisions.
 * With policy 'emv' the first collision ends the procedure with `selected: null` (docs/sources.md#f2-3).
 * `rng` is unused (bit-exact, deterministic), kept for the common interface.
 */
export function resolveTypeA<T extends TypeACard>(responders: readonly T[], _rng?: RandomStream, policy: CollisionPolicy = 'transit'): AnticollisionResult<T> {
  if (responders.length === 0) return { selected: null, frames: 1, collisions: 0 };
  const nBits = 8 * (responders[0] as T).uid.length;
  let set: readonly T[] = responders;
  let frames = 0;
  let collisions = 0;
  let from = 0;
  for (;;) {
    frames++;
    const j = set.length > 1 ? firstCollisionBit(set, from, nBits) : -1;
    if (j < 0) {
      if (set.length > 1) throw new Error('Type A anticollision: identical UIDs in the field');
      return { selected: set[0] as T, frames, collisions };
    }
    collisions++;
    if (policy === 'emv') return { selected: null, frames, collisions };
    set = set.filter((c) => bitAt(c.uid, j) === 1);
    from = j + 1;
  }
}

/**
 * Singulate every card by a depth-first walk of the UID trie, resuming at the pending branch —
 * docs/sources.md#f2-5 (V6): exactly n − 1 collided and n clean responses for n distinct UIDs. Returns the
 * cards in singulation order.
 */
export function walkAllTypeA<T extends TypeACard>(responders: readonly T[]): { order: T[]; frames: number; collisions: number } {
  const order: T[] = [];
  let frames = 0;
  let collisions = 0;
  if (responders.length === 0) return { order, frames, collisions };
  const nBits = 8 * (responders[0] as T).uid.length;
  const stack: { set: readonly T[]; from: number }[] = [{ set: responders, from: 0 }];
  while (stack.length > 0) {
    const { set, from } = stack.pop() as { set: readonly T[]; from: number };
    frames++;
    const j = set.length > 1 ? firstCollisionBit(set, from, nBits) : -1;
    if (j < 0) {
      if (set.length > 1) throw new Error('Type A anticollision: identical UIDs in the field');
      order.push(set[0] as T);
      continue;
    }
    collisions++;
    stack.push({ set: set.filter((c) => bitAt(c.uid, j) === 0), from: j + 1 });
    stack.push({ set: set.filter((c) => bitAt(c.uid, j) === 1), from: j + 1 });
  }
  return { order, frames, collisions };
}

/** A BigInt rational number, reduced. */
export interface Rational {
  num: bigint;
  den: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
const reduce = (num: bigint, den: bigint): Rational => {
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
};

/**
 * Exact expected collisions on the '1' path, C(n) = [Σ_{k=1}^{n−1} binom(n,k)·(1 + C(k))] / (2^n − 2),
 * C(1) = 0 — docs/sources.md#f2-5 (V5). Returns C(1…n) as reduced rationals (index = n).
 */
export function expectedCollisionsTypeA(n: number): Rational[] {
  const c: Rational[] = [{ num: 0n, den: 1n }, { num: 0n, den: 1n }];
  for (let m = 2; m <= n; m++) {
    let num = 0n;
    let den = 1n;
    let binom = 1n;
    for (let k = 1; k < m; k++) {
      binom = (binom * BigInt(m - k + 1)) / BigInt(k);
      const ck = c[k] as Rational;
      // term = binom·(1 + C(k)) = binom·(ck.den + ck.num)/ck.den
      const tNum = binom * (ck.den + ck.num);
      const tDen = ck.den;
      const r = reduce(num * tDen + tNum * den, den * tDen);
      num = r.num;
      den = r.den;
    }
    c.push(reduce(num, den * (2n ** BigInt(m) - 2n)));
  }
  return c;
}

/** Draw n distinct uniform UIDs of `bytes` bytes (for Monte Carlo and wallets). */
export function randomDistinctUids(rng: RandomStream, n: number, bytes = 4): Uint8Array[] {
  const out: Uint8Array[] = [];
  const seen = new Set<string>();
  while (out.length < n) {
    const uid = new Uint8Array(bytes);
    for (let i = 0; i < bytes; i++) uid[i] = Math.floor(rng.next01() * 256);
    const key = uid.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(uid);
  }
  return out;
}
