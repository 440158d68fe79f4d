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

/** The output of splitmix32 for an already advanced state (the murmur3 finaliser). */
function splitmixOutput(next: number): number {
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
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
    // Held as int32 (the bit pattern is what matters): V8 keeps such fields as small integers
    // instead of boxed doubles, which makes every draw cheaper.
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /** Seed the four state words from two splitmix32 sequences (64 bits of seed). */
  static fromSeeds(seedA: number, seedB: number): Xoshiro128ss {
    return new Xoshiro128ss(1, 0, 0, 0).reseed(seedA, seedB);
  }

  /**
   * Restart this generator as `fromSeeds(seedA, seedB)` would create it (lets a caller that makes
   * a stream per passenger reuse the object of a passenger who has left).
   */
  reseed(seedA: number, seedB: number): this {
    // Words 0 and 2 from the splitmix32 sequence of seedA, words 1 and 3 from that of seedB
    // (splitmix32 inlined: no tuple per step, this runs once per passenger).
    const a1 = (seedA + 0x9e3779b9) >>> 0;
    const a2 = (a1 + 0x9e3779b9) >>> 0;
    const b1 = (seedB + 0x9e3779b9) >>> 0;
    const b2 = (b1 + 0x9e3779b9) >>> 0;
    const w0 = splitmixOutput(a1);
    const w1 = splitmixOutput(b1);
    const w2 = splitmixOutput(a2);
    const w3 = splitmixOutput(b2);
    const zero = (w0 | w1 | w2 | w3) === 0;
    this.s0 = zero ? 1 : w0 | 0;
    this.s1 = w1 | 0;
    this.s2 = w2 | 0;
    this.s3 = w3 | 0;
    return this;
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

/** One step of the splitmix32 chain that mixes words: output of splitmix32(state ^ word). */
function mixStep(state: number, word: number): number {
  return splitmixOutput((((state ^ word) >>> 0) + 0x9e3779b9) >>> 0);
}

/**
 * The stream of one entity in one replication. `entityKey` is a stable name such as
 * `"gate:S01/E1/G3"` or `"passenger:1234"`; equal arguments always give the same stream.
 * Seeds: a = mix(seedLo, seedHi, replication, fnv(key)), b = mix(0x5bd1e995, seedLo, replication,
 * fnv'(key), seedHi), each a splitmix32 chain from state 0 (unrolled: one call per passenger).
 * `reuse`: reseed this generator instead of making a new one (same numbers either way).
 */
export function streamFor(masterSeed: number, replication: number, entityKey: string, reuse?: Xoshiro128ss): Xoshiro128ss {
  // Both FNV-1a hashes of the key in one pass.
  let hashA = 0x811c9dc5;
  let hashB = 0x3c6ef372;
  for (let i = 0; i < entityKey.length; i++) {
    const c = entityKey.charCodeAt(i);
    hashA = Math.imul(hashA ^ c, 0x01000193);
    hashB = Math.imul(hashB ^ c, 0x01000193);
  }
  return streamFromKeyHashes(masterSeed, replication, hashA, hashB, reuse);
}

/**
 * `streamFor(masterSeed, replication, keyPrefix + String(keyNumber))` without building the key:
 * the hashes run over the prefix, then the decimal digits of `keyNumber` (an integer ≥ 0).
 */
export function streamForNumberedKey(masterSeed: number, replication: number, keyPrefix: string, keyNumber: number, reuse?: Xoshiro128ss): Xoshiro128ss {
  let hashA = 0x811c9dc5;
  let hashB = 0x3c6ef372;
  for (let i = 0; i < keyPrefix.length; i++) {
    const c = keyPrefix.charCodeAt(i);
    hashA = Math.imul(hashA ^ c, 0x01000193);
    hashB = Math.imul(hashB ^ c, 0x01000193);
  }
  for (let place = decimalPlace(keyNumber); place >= 1; place /= 10) {
    const c = 48 + (Math.floor(keyNumber / place) % 10);
    hashA = Math.imul(hashA ^ c, 0x01000193);
    hashB = Math.imul(hashB ^ c, 0x01000193);
  }
  return streamFromKeyHashes(masterSeed, replication, hashA, hashB, reuse);
}

/** The largest power of ten ≤ n (1 for n < 10): the place of an integer's leading decimal digit. */
export function decimalPlace(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > Number.MAX_SAFE_INTEGER) throw new RangeError(`key number must be a safe integer ≥ 0, got ${n}`);
  let place = 1;
  while (place * 10 <= n) place *= 10;
  return place;
}

function streamFromKeyHashes(masterSeed: number, replication: number, hashA: number, hashB: number, reuse: Xoshiro128ss | undefined): Xoshiro128ss {
  if (!Number.isInteger(masterSeed) || !Number.isInteger(replication)) {
    throw new Error(`streamFor: seed and replication must be integers (got ${masterSeed}, ${replication})`);
  }
  const seedLo = masterSeed >>> 0;
  const seedHi = Math.floor(masterSeed / 4294967296) >>> 0;
  const rep = replication >>> 0;
  const a = mixStep(mixStep(mixStep(mixStep(0, seedLo), seedHi), rep), hashA >>> 0);
  const b = mixStep(mixStep(mixStep(mixStep(mixStep(0, 0x5bd1e995), seedLo), rep), hashB >>> 0), seedHi);
  return reuse === undefined ? Xoshiro128ss.fromSeeds(a, b) : reuse.reseed(a, b);
}
