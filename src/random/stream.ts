/**
 * Random streams: xoshiro128** (Blackman & Vigna) seeded through splitmix32.
 *
 * Every entity gets its own stream keyed by (master seed, replication, entity key), derived by
 * hashing the key — never by creation order — so adding an entity does not shift anyone else's
 * numbers and results do not depend on which worker runs a replication.
 */

export interface RandomStream {
  /** Uniform in [0, 1) with 32 bits of resolution. */
  next01(): number;
  /** Uniform unsigned 32-bit integer. */
  nextU32(): number;
}

/** splitmix32 step: returns [output, nextState] (Steele, Lea & Flood gamma 0x9e3779b9, murmur3 finaliser). */
export function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [(z ^ (z >>> 16)) >>> 0, next];
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** xoshiro128** 1.1: 128-bit state, period 2^128 − 1. */
export class Xoshiro128ss implements RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Directly from four 32-bit state words (not all zero). */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) throw new Error('xoshiro128** state must not be all zero');
    this.s0 = s0 >>> 0;
    this.s1 = s1 >>> 0;
    this.s2 = s2 >>> 0;
    this.s3 = s3 >>> 0;
  }

  /** Seed the four state words from two splitmix32 sequences (64 bits of seed). */
  static fromSeeds(seedA: number, seedB: number): Xoshiro128ss {
    let a = seedA >>> 0;
    let b = seedB >>> 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [out, next] = i % 2 === 0 ? splitmix32(a) : splitmix32(b);
      if (i % 2 === 0) a = next;
      else b = next;
      words.push(out);
    }
    const [w0, w1, w2, w3] = words as [number, number, number, number];
    return (w0 | w1 | w2 | w3) === 0 ? new Xoshiro128ss(1, 0, 0, 0) : new Xoshiro128ss(w0, w1, w2, w3);
  }

  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  next01(): number {
    return this.nextU32() / 4294967296;
  }
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units, with a caller-chosen offset basis. */
export function hashString32(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mix a list of 32-bit words into one (splitmix32 chained). */
function mixWords(words: readonly number[]): number {
  let state = 0;
  for (const word of words) state = splitmix32((state ^ word) >>> 0)[0];
  return state;
}

/**
 * The stream of one entity in one replication. `entityKey` is a stable name such as
 * `"gate:S01/E1/G3"` or `"passenger:1234"`; equal arguments always give the same stream.
 */
export function streamFor(masterSeed: number, replication: number, entityKey: string): RandomStream {
  if (!Number.isInteger(masterSeed) || !Number.isInteger(replication)) {
    throw new Error(`streamFor: seed and replication must be integers (got ${masterSeed}, ${replication})`);
  }
  const seedLo = masterSeed >>> 0;
  const seedHi = Math.floor(masterSeed / 4294967296) >>> 0;
  const a = mixWords([seedLo, seedHi, replication >>> 0, hashString32(entityKey)]);
  const b = mixWords([0x5bd1e995, seedLo, replication >>> 0, hashString32(entityKey, 0x3c6ef372), seedHi]);
  return Xoshiro128ss.fromSeeds(a, b);
}
