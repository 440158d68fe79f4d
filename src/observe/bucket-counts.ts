/**
 * Integer counts by bucket key, small when few keys are used and fast when many are.
 *
 * - Sparse (up to SPARSE_MAX_KEYS distinct keys): key/count pairs in one Float64Array, ascending
 *   by key — 16 B per key, nothing allocated while empty.
 * - Dense (beyond that): chunks of 2^chunkBits counts, allocated when a key in them is first
 *   counted, found through a directory that covers only the chunk range in use. Counts are
 *   Uint32 (4 B a bucket) while the total is below 2^32, so no bucket can overflow; past that
 *   every chunk is widened to Float64 (exact to 2^53).
 *
 * The counts do not depend on the representation or on the order they were added in, so two
 * BucketCounts with the same counts iterate identically.
 */

export const SPARSE_MAX_KEYS = 128;
const UINT32_MAX = 0xffffffff;

type Chunk = Uint32Array | Float64Array;

export class BucketCounts {
  /** Sparse pairs [key0, count0, key1, count1, …] (null while empty or once dense). */
  private pairs: Float64Array | null = null;
  private used = 0;
  /** Dense chunks: chunks[i] holds keys ((base + i) << chunkBits) … (null while sparse). */
  private chunks: Array<Chunk | undefined> | null = null;
  private base = 0;
  private wide = false;
  /** Sum of all counts. */
  total = 0;
  private readonly mask: number;

  constructor(private readonly chunkBits: number) {
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
      for (let i = 0; i < 2 * this.used; i += 2) visit(this.pairs[i] as number, this.pairs[i + 1] as number);
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
      for (let i = 0; i < 2 * this.used; i += 2) {
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

  /** Add every count of `other`. */
  addAll(other: BucketCounts): void {
    other.forEach((key, count) => this.add(key, count));
  }

  clear(): void {
    this.pairs = null;
    this.used = 0;
    this.chunks = null;
    this.base = 0;
    this.wide = false;
    this.total = 0;
  }

  /** Bytes held in typed arrays (the counts), for memory estimates. */
  countBytes(): number {
    let bytes = this.pairs?.byteLength ?? 0;
    for (const chunk of this.chunks ?? []) bytes += chunk?.byteLength ?? 0;
    return bytes;
  }

  private sparseAdd(key: number, n: number): void {
    let pairs = this.pairs;
    let lo = 0;
    let hi = this.used;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairs as Float64Array)[2 * mid] as number < key) lo = mid + 1;
      else hi = mid;
    }
    if (pairs !== null && lo < this.used && pairs[2 * lo] === key) {
      pairs[2 * lo + 1] = (pairs[2 * lo + 1] as number) + n;
      return;
    }
    if (this.used === SPARSE_MAX_KEYS) {
      this.toDense();
      this.total -= n; // add() counts it again
      this.add(key, n);
      return;
    }
    if (pairs === null || 2 * this.used === pairs.length) {
      const grown = new Float64Array(pairs === null ? 8 : 2 * pairs.length);
      if (pairs !== null) grown.set(pairs);
      pairs = grown;
      this.pairs = grown;
    }
    pairs.copyWithin(2 * lo + 2, 2 * lo, 2 * this.used);
    pairs[2 * lo] = key;
    pairs[2 * lo + 1] = n;
    this.used++;
  }

  private toDense(): void {
    const pairs = this.pairs as Float64Array;
    const used = this.used;
    this.pairs = null;
    this.used = 0;
    this.chunks = [];
    this.wide = this.total > UINT32_MAX;
    for (let i = 0; i < 2 * used; i += 2) {
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
