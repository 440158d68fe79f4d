/**
 * Integer counts by bucket key, small when few keys are used and fast when many are.
 *
 * - Sparse (up to `maxSparseKeys` distinct keys and SPARSE_MAX_VALUES values): key/count pairs in
 *   one plain array, ascending by key — 16 B per key (two small integers; Node's V8 has no
 *   pointer compression), nothing allocated while empty. A plain array, not a typed one: V8
 *   spends ≈ 200 B on every typed array. Each add is a binary search (and an insert for a new key).
 * - Dense (beyond either): chunks of 2^chunkBits counts, allocated when a key in them is first
 *   counted, found through a directory that covers only the chunk range in use. Counts are
 *   Uint32 (4 B a bucket) while the total is below 2^32, so no bucket can overflow; past that
 *   every chunk is widened to Float64 (exact to 2^53).
 *
 * The counts do not depend on the representation or on the order they were added in, so two
 * BucketCounts with the same counts iterate identically.
 */

/** A sketch this busy goes dense whatever its keys: a direct index is ≈ 3× faster than a search. */
export const SPARSE_MAX_VALUES = 8192;
const UINT32_MAX = 0xffffffff;

type Chunk = Uint32Array | Float64Array;

export class BucketCounts {
  /** Sparse pairs [key0, count0, key1, count1, …] (null while empty or once dense). */
  private pairs: number[] | null = null;
  /** Dense chunks: chunks[i] holds keys ((base + i) << chunkBits) … (null while sparse). */
  private chunks: Array<Chunk | undefined> | null = null;
  private base = 0;
  private wide = false;
  /** Sum of all counts. */
  total = 0;
  private readonly mask: number;

  constructor(
    private readonly chunkBits: number,
    private readonly maxSparseKeys: number,
  ) {
    this.mask = (1 << chunkBits) - 1;
  }

  /** Add `n` (a positive integer) to the count of `key` (a non-negative integer below 2^31). */
  add(key: number, n: number): void {
    this.total += n;
    const chunks = this.chunks;
    if (chunks !== null) {
      if (this.total > UINT32_MAX && !this.wide) this.widen();
      const index = (key >>> this.chunkBits) - this.base;
      const chunk = index >= 0 ? chunks[index] : undefined;
      const target = chunk ?? this.chunkFor(key);
      target[key & this.mask] = (target[key & this.mask] as number) + n;
    } else this.sparseAdd(key, n);
  }

  /** Every key with a non-zero count, ascending. */
  forEach(visit: (key: number, count: number) => void): void {
    if (this.pairs !== null) {
      for (let i = 0; i < this.pairs.length; i += 2) visit(this.pairs[i] as number, this.pairs[i + 1] as number);
      return;
    }
    if (this.chunks === null) return;
    for (let i = 0; i < this.chunks.length; i++) {
      const chunk = this.chunks[i];
      if (chunk === undefined) continue;
      const first = (this.base + i) << this.chunkBits;
      for (let j = 0; j < chunk.length; j++) if ((chunk[j] as number) > 0) visit(first + j, chunk[j] as number);
    }
  }

  /** The key at which the running count (ascending) first reaches `rank` (1 ≤ rank ≤ total). */
  keyAtRank(rank: number): number {
    let running = 0;
    if (this.pairs !== null) {
      for (let i = 0; i < this.pairs.length; i += 2) {
        running += this.pairs[i + 1] as number;
        if (running >= rank) return this.pairs[i] as number;
      }
    } else if (this.chunks !== null) {
      for (let i = 0; i < this.chunks.length; i++) {
        const chunk = this.chunks[i];
        if (chunk === undefined) continue;
        for (let j = 0; j < chunk.length; j++) {
          running += chunk[j] as number;
          if (running >= rank && (chunk[j] as number) > 0) return ((this.base + i) << this.chunkBits) + j;
        }
      }
    }
    throw new RangeError(`rank ${rank} is beyond the ${this.total} counted values`);
  }

  /** Add every count of `other` (chunk by chunk when both are dense). */
  addAll(other: BucketCounts): void {
    if (this.chunks === null || other.chunks === null || other.chunkBits !== this.chunkBits) {
      other.forEach((key, count) => this.add(key, count));
      return;
    }
    this.total += other.total;
    if (this.total > UINT32_MAX && !this.wide) this.widen();
    for (let i = 0; i < other.chunks.length; i++) {
      const from = other.chunks[i];
      if (from === undefined) continue;
      const into = this.chunkFor((other.base + i) << this.chunkBits);
      for (let j = 0; j < from.length; j++) into[j] = (into[j] as number) + (from[j] as number);
    }
  }

  clear(): void {
    this.pairs = null;
    this.chunks = null;
    this.base = 0;
    this.wide = false;
    this.total = 0;
  }

  /** Bytes of the counts' elements (8 B per sparse key, the dense chunks' bytes), for memory estimates. */
  countBytes(): number {
    let bytes = 4 * (this.pairs?.length ?? 0);
    for (const chunk of this.chunks ?? []) bytes += chunk?.byteLength ?? 0;
    return bytes;
  }

  private sparseAdd(key: number, n: number): void {
    const pairs = this.pairs;
    if (pairs === null) {
      this.pairs = [key, n]; // a literal: just two elements (growing from [] reserves 16 more)
      return;
    }
    let lo = 0;
    let hi = pairs.length >>> 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairs[2 * mid] as number) < key) lo = mid + 1;
      else hi = mid;
    }
    const found = pairs[2 * lo] === key;
    if (this.total <= SPARSE_MAX_VALUES && (found || pairs.length < 2 * this.maxSparseKeys)) {
      if (found) pairs[2 * lo + 1] = (pairs[2 * lo + 1] as number) + n;
      else pairs.splice(2 * lo, 0, key, n);
      return;
    }
    this.total -= n; // the counts so far go dense, then add() counts this one
    this.toDense();
    this.add(key, n);
  }

  private toDense(): void {
    const pairs = this.pairs as number[];
    this.pairs = null;
    this.chunks = [];
    this.wide = this.total > UINT32_MAX;
    for (let i = 0; i < pairs.length; i += 2) {
      const key = pairs[i] as number;
      const chunk = this.chunkFor(key);
      chunk[key & this.mask] = (chunk[key & this.mask] as number) + (pairs[i + 1] as number);
    }
  }

  /** The chunk holding `key`, allocated (and the directory extended) when needed. */
  private chunkFor(key: number): Chunk {
    const chunks = this.chunks as Array<Chunk | undefined>;
    const index = key >>> this.chunkBits;
    if (chunks.length === 0) this.base = index;
    else if (index < this.base) {
      const front: Array<Chunk | undefined> = new Array<Chunk | undefined>(this.base - index).fill(undefined);
      this.chunks = front.concat(chunks);
      this.base = index;
      return this.chunkFor(key);
    }
    while (chunks.length <= index - this.base) chunks.push(undefined);
    let chunk = chunks[index - this.base];
    if (chunk === undefined) {
      chunk = this.wide ? new Float64Array(this.mask + 1) : new Uint32Array(this.mask + 1);
      chunks[index - this.base] = chunk;
    }
    return chunk;
  }

  private widen(): void {
    this.wide = true;
    const chunks = this.chunks as Array<Chunk | undefined>;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i];
      if (chunk !== undefined) chunks[i] = Float64Array.from(chunk);
    }
  }
}
