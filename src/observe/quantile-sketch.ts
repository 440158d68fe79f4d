/**
 * A mergeable quantile sketch of non-negative values (waits, latencies) with a stated relative
 * error, exact merges and a canonical plain-JSON form.
 *
 * Buckets (sketch-key.ts): log-linear, read from the double's exponent and its top `mantissaBits`
 * fraction bits — no Math.log, so keys are bit-identical on every engine, thread and Node version.
 * Each binary octave holds 2^bits buckets, each at most 2^−bits of its lower edge wide. Exact
 * zeros have their own count. Any positive normal double (2.2e-308 … 1.8e308) has a bucket;
 * negative, NaN, infinite and subnormal values are refused (RangeError).
 *
 * Guarantee: `quantile(q)` returns 0 when the value of rank k (below) is an exact zero; otherwise
 * the midpoint of the bucket holding the value x of rank k, clamped to [min, max], so
 * |quantile(q) − x| ≤ 2^−(bits+1)·x, with equality only when x is a bucket's lower edge (0.25, 1, 3 …
 * at any bits). Clamping only moves the estimate closer to x.
 *   - FINE (10 bits; per-replication scalars, latency.csv): buckets ≤ 0.0977 % wide, error ≤ 0.0489 %.
 *   - INTERVAL (6 bits; per-interval series): buckets ≤ 1.5625 % wide, error ≤ 0.782 %.
 * Rank rule (nearest rank, as an exact sorted array x[0 … n−1] would give): k = max(1, ⌈q·n⌉) with
 * q·n in double precision; the estimate is of x[k − 1]. So q = 0 gives min, q = 1 gives max, and a
 * run of exact zeros returns 0 (today's log histogram returns 1e-6 for p50 with 60 % zeros), and min and
 * max (ranks 1 and n) are returned exactly.
 *
 * Mean: the sum is kept exactly as an integer, each value counted as round(value·sumScale) (1e9
 * for seconds: integer ns; 1 for values already in integer ns), so mean = sum / sumScale / n is
 * within 0.5 / sumScale of the exact mean (plus one rounding) and does not depend on the order
 * values or sketches were added in.
 *
 * Memory (bucket-counts.ts): nothing for counts while empty or all zeros; 16 B per distinct key up
 * to min(2048, 2^(bits+2)) keys and 8192 values (sparse); beyond that 4 B per bucket of each
 * touched chunk (128 buckets = 1/8 octave at 10 bits, one octave of 64 at 6 bits), 8 B once a
 * sketch has counted 2^32 values. Measured (`npm run bench -- sketch`, Node 20, heap +
 * ArrayBuffers): 0.4–0.47 KB for a sketch of one value, 1–3 KB for 70, 3–5.5 KB for 300; for
 * 1 M values 38–39 KB (lognormal latencies) to 115–137 KB (exponential waits, 25 % zeros) at
 * 10 bits, 3–10 KB at 6 bits.
 *
 * Merging adds integer counts, the exact sum, min and max: any order and grouping gives the same
 * state, the same quantiles and byte-identical `toData()` JSON. Sketches merge only with the same
 * mantissaBits and sumScale.
 *
 * Serialization: `toData()` is canonical plain JSON tagged "tapsim-sketch/1" (quantile-sketch-data.ts);
 * `fromData()` checks it and refuses damaged data with a sentence (QuantileSketchDataError).
 */
import { BucketCounts } from './bucket-counts.js';
import { ExactSum } from './exact-sum.js';
import { SKETCH_FORMAT, sketchDataProblem, type QuantileSketchData } from './quantile-sketch-data.js';
import { MAX_MANTISSA_BITS, MIN_MANTISSA_BITS, bucketMidpoint, bucketUpper, endKey, firstKey, keyOf } from './sketch-key.js';

export { SKETCH_FORMAT, type QuantileSketchData } from './quantile-sketch-data.js';

export interface SketchOptions {
  /** Buckets per binary octave = 2^mantissaBits (1 … 19); relative error ≤ 2^−(mantissaBits+1). */
  mantissaBits: number;
  /** The exact sum counts round(value·sumScale) per value: 1e9 for seconds (integer ns), 1 for integer ns. */
  sumScale: number;
}

/** Per-replication scalars of values in seconds: error ≤ 0.049 %, sum in integer ns. */
export const FINE_SECONDS: SketchOptions = { mantissaBits: 10, sumScale: 1e9 };
/** The same for values in nanoseconds. */
export const FINE_NANOSECONDS: SketchOptions = { mantissaBits: 10, sumScale: 1 };
/** Per-interval series in seconds: buckets ≤ 1.5625 % wide, error ≤ 0.79 %. */
export const INTERVAL_SECONDS: SketchOptions = { mantissaBits: 6, sumScale: 1e9 };

/** A serialized sketch that cannot be read; the message is one sentence naming it. */
export class QuantileSketchDataError extends Error {
  constructor(readonly problem: string, name: string) {
    super(`${name} ${problem}`);
    this.name = 'QuantileSketchDataError';
  }
}

function notAddable(value: number): RangeError {
  return new RangeError(`a quantile sketch takes finite values ≥ 0 (zero or at least 2.2e-308), got ${value}`);
}

export class QuantileSketch {
  readonly mantissaBits: number;
  readonly sumScale: number;
  /** Values added (zeros included). */
  count = 0;
  /** Of `count`, exact zeros. */
  zeros = 0;
  /** Smallest and largest value (Infinity and −Infinity while empty). */
  min = Infinity;
  max = -Infinity;
  private readonly buckets: BucketCounts;
  private readonly sum = new ExactSum();
  private readonly lowKey: number;
  private readonly highKey: number;

  constructor(options: SketchOptions = FINE_SECONDS) {
    const { mantissaBits: bits, sumScale } = options;
    if (!Number.isInteger(bits) || bits < MIN_MANTISSA_BITS || bits > MAX_MANTISSA_BITS) throw new RangeError(`mantissaBits must be a whole number ${MIN_MANTISSA_BITS} … ${MAX_MANTISSA_BITS}, got ${bits}`);
    if (!(sumScale > 0 && sumScale < Infinity)) throw new RangeError(`sumScale must be a positive number, got ${sumScale}`);
    this.mantissaBits = bits;
    this.sumScale = sumScale;
    this.buckets = new BucketCounts(Math.min(bits, 7), Math.min(2048, 4 << bits));
    this.lowKey = firstKey(bits);
    this.highKey = endKey(bits);
  }

  add(value: number): void {
    if (value > 0) {
      const key = keyOf(value, this.mantissaBits);
      if (key < this.lowKey || key >= this.highKey) throw notAddable(value);
      this.buckets.add(key, 1);
      this.sum.add(Math.round(value * this.sumScale));
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
    } else if (value === 0) {
      this.zeros++;
      this.min = 0;
      if (this.max < 0) this.max = 0;
    } else throw notAddable(value);
    this.count++;
  }

  /** The exact sum (each value rounded to a whole 1/sumScale), in the values' unit. */
  get total(): number {
    return this.sum.value() / this.sumScale;
  }

  /** NaN when empty. */
  get mean(): number {
    return this.count > 0 ? this.total / this.count : NaN;
  }

  /** The estimate of the value of rank max(1, ⌈q·n⌉) (see the guarantee above); NaN when empty. */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile needs 0 ≤ q ≤ 1, got ${q}`);
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    if (rank <= this.zeros) return 0;
    if (rank === 1) return this.min;
    if (rank === this.count) return this.max;
    const key = this.buckets.keyAtRank(rank - this.zeros);
    return Math.min(this.max, Math.max(this.min, bucketMidpoint(key, this.mantissaBits)));
  }

  /**
   * Points of the empirical distribution function for plotting: [x, fraction of values < x] at
   * each non-empty bucket's upper edge (the last one at max, with fraction 1), after [0, share of
   * exact zeros] when there are zeros. Empty when the sketch is.
   */
  cdf(): Array<[number, number]> {
    const points: Array<[number, number]> = [];
    if (this.count === 0) return points;
    let running = this.zeros;
    if (this.zeros > 0) points.push([0, running / this.count]);
    this.buckets.forEach((key, c) => {
      running += c;
      points.push([Math.min(this.max, bucketUpper(key, this.mantissaBits)), running / this.count]);
    });
    return points;
  }

  /** Every non-empty bucket: its key (sketch-key.ts) and count, ascending. */
  forEachBucket(visit: (key: number, count: number) => void): void {
    this.buckets.forEach(visit);
  }

  /** Add everything `other` counted (same mantissaBits and sumScale). */
  merge(other: QuantileSketch): void {
    if (other === this) {
      this.merge(QuantileSketch.fromData(this.toData())); // counts must not change while they are read
      return;
    }
    if (other.mantissaBits !== this.mantissaBits || other.sumScale !== this.sumScale) {
      throw new Error(`cannot merge quantile sketches of different accuracy (mantissaBits ${this.mantissaBits} and ${other.mantissaBits}, sumScale ${this.sumScale} and ${other.sumScale})`);
    }
    if (!Number.isSafeInteger(this.count + other.count)) throw new RangeError('merged quantile sketch would count more than 2^53 values');
    this.buckets.addAll(other.buckets);
    this.sum.addSum(other.sum);
    this.count += other.count;
    this.zeros += other.zeros;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** Forget everything (after a warm-up). */
  reset(): void {
    this.buckets.clear();
    this.sum.clear();
    this.count = 0;
    this.zeros = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  /** Bytes of the bucket counts' typed arrays (object headers not included). */
  countBytes(): number {
    return this.buckets.countBytes();
  }

  /** The canonical plain-JSON form (equal sketches give byte-identical JSON.stringify). */
  toData(): QuantileSketchData {
    const runs: number[][] = [];
    let run: number[] | undefined;
    let last = -2;
    this.buckets.forEach((key, c) => {
      if (run !== undefined && key === last + 1) run.push(c);
      else runs.push((run = [key, c]));
      last = key;
    });
    const empty = this.count === 0;
    return { format: SKETCH_FORMAT, mantissaBits: this.mantissaBits, sumScale: this.sumScale, count: this.count, zeros: this.zeros, min: empty ? null : this.min, max: empty ? null : this.max, sum: this.sum.toBigInt().toString(), runs };
  }

  /** A sketch from its plain-JSON form; damaged data throws QuantileSketchDataError naming `name`. */
  static fromData(data: unknown, name = 'the quantile sketch'): QuantileSketch {
    const problem = sketchDataProblem(data);
    if (problem !== undefined) throw new QuantileSketchDataError(problem, name);
    const d = data as QuantileSketchData;
    const sketch = new QuantileSketch({ mantissaBits: d.mantissaBits, sumScale: d.sumScale });
    for (const run of d.runs) for (let i = 1; i < run.length; i++) sketch.buckets.add((run[0] as number) + i - 1, run[i] as number);
    sketch.sum.setBigInt(BigInt(d.sum));
    sketch.count = d.count;
    sketch.zeros = d.zeros;
    sketch.min = d.min ?? Infinity;
    sketch.max = d.max ?? -Infinity;
    return sketch;
  }

  /** Exact merge of plain-data sketches (any order gives identical data). */
  static mergeData(parts: readonly unknown[], name = 'the quantile sketch'): QuantileSketchData {
    if (parts.length === 0) throw new RangeError('mergeData needs at least one sketch');
    const merged = QuantileSketch.fromData(parts[0], name);
    for (let i = 1; i < parts.length; i++) merged.merge(QuantileSketch.fromData(parts[i], name));
    return merged.toData();
  }
}
