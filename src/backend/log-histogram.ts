/**
 * A small mergeable histogram with log-spaced buckets, for streaming quantiles of response
 * times (and any other positive quantity). Bucket i covers [lowest·g^i, lowest·g^(i+1)); with
 * the default growth g = 1.02 a quantile is known to ±1 % (the bucket's geometric midpoint is
 * returned, clamped to the observed min/max). Values below `lowest` / at or above `highest` go
 * to underflow / overflow counters (their quantiles return the observed min / max).
 *
 * Memory is fixed by the layout (1 µs..100 s at 2 % → 931 buckets, ≈ 7.5 kB dense); `toData()`
 * gives a sparse plain-data copy (only non-empty buckets) that crosses worker boundaries and
 * merges exactly with any histogram of the same layout.
 */

/** Plain-data (sparse) form of a histogram. */
export interface LogHistogramData {
  lowest: number;
  highest: number;
  growth: number;
  /** Indices of the non-empty buckets, ascending. */
  index: number[];
  /** Counts of those buckets. */
  count: number[];
  underflow: number;
  overflow: number;
  total: number;
  sum: number;
  /** Observed extremes (+Infinity / −Infinity when empty). */
  min: number;
  max: number;
}

export interface LogHistogramLayout {
  /** Lowest value with its own bucket (> 0). Default 1e3 (1 µs in ns). */
  lowest?: number;
  /** Values ≥ this are overflow. Default 1e11 (100 s in ns). */
  highest?: number;
  /** Bucket growth factor (> 1). Default 1.02. */
  growth?: number;
}

export class LogHistogram {
  readonly lowest: number;
  readonly highest: number;
  readonly growth: number;
  readonly bucketCount: number;
  private readonly invLnGrowth: number;
  private readonly buckets: Float64Array;
  private underflow = 0;
  private overflow = 0;
  private totalCount = 0;
  private sumValues = 0;
  private minValue = Infinity;
  private maxValue = -Infinity;

  constructor(layout: LogHistogramLayout = {}) {
    this.lowest = layout.lowest ?? 1e3;
    this.highest = layout.highest ?? 1e11;
    this.growth = layout.growth ?? 1.02;
    if (!(this.lowest > 0) || !(this.highest > this.lowest) || !(this.growth > 1)) {
      throw new RangeError(`log histogram: need 0 < lowest < highest and growth > 1 (got ${this.lowest}, ${this.highest}, ${this.growth})`);
    }
    this.invLnGrowth = 1 / Math.log(this.growth);
    this.bucketCount = Math.ceil(Math.log(this.highest / this.lowest) * this.invLnGrowth);
    this.buckets = new Float64Array(this.bucketCount);
  }

  /** Number of values recorded (including under/overflow). */
  get count(): number {
    return this.totalCount;
  }

  /** Mean of the recorded values (exact, from the running sum); NaN when empty. */
  get mean(): number {
    return this.totalCount > 0 ? this.sumValues / this.totalCount : NaN;
  }

  get min(): number {
    return this.minValue;
  }

  get max(): number {
    return this.maxValue;
  }

  /** Record `value` with an integer or fractional `weight` (default 1). */
  record(value: number, weight = 1): void {
    this.totalCount += weight;
    this.sumValues += value * weight;
    if (value < this.minValue) this.minValue = value;
    if (value > this.maxValue) this.maxValue = value;
    if (value < this.lowest) {
      this.underflow += weight;
      return;
    }
    if (value >= this.highest) {
      this.overflow += weight;
      return;
    }
    let i = Math.floor(Math.log(value / this.lowest) * this.invLnGrowth);
    if (i >= this.bucketCount) i = this.bucketCount - 1;
    this.buckets[i] = (this.buckets[i] as number) + weight;
  }

  /** Add another histogram (or its plain data) of the same layout into this one. */
  merge(other: LogHistogram | LogHistogramData): this {
    const data = other instanceof LogHistogram ? other.toData() : other;
    if (data.lowest !== this.lowest || data.highest !== this.highest || data.growth !== this.growth) {
      throw new Error('log histogram: cannot merge histograms with different layouts');
    }
    for (let k = 0; k < data.index.length; k++) {
      const i = data.index[k] as number;
      this.buckets[i] = (this.buckets[i] as number) + (data.count[k] as number);
    }
    this.underflow += data.underflow;
    this.overflow += data.overflow;
    this.totalCount += data.total;
    this.sumValues += data.sum;
    if (data.min < this.minValue) this.minValue = data.min;
    if (data.max > this.maxValue) this.maxValue = data.max;
    return this;
  }

  /**
   * The q-quantile (0 ≤ q ≤ 1) by nearest rank: the value of the ⌈q·n⌉-th smallest record,
   * to the bucket's resolution. NaN when empty.
   */
  quantile(q: number): number {
    if (this.totalCount === 0) return NaN;
    const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, q)) * this.totalCount - 1e-9));
    let cumulative = this.underflow;
    if (cumulative >= rank) return this.minValue;
    for (let i = 0; i < this.bucketCount; i++) {
      cumulative += this.buckets[i] as number;
      if (cumulative >= rank) {
        const mid = this.lowest * this.growth ** (i + 0.5);
        return Math.min(this.maxValue, Math.max(this.minValue, mid));
      }
    }
    return this.maxValue;
  }

  /** Forget everything recorded (layout kept). */
  reset(): void {
    this.buckets.fill(0);
    this.underflow = 0;
    this.overflow = 0;
    this.totalCount = 0;
    this.sumValues = 0;
    this.minValue = Infinity;
    this.maxValue = -Infinity;
  }

  /** Sparse plain-data copy. */
  toData(): LogHistogramData {
    const index: number[] = [];
    const count: number[] = [];
    for (let i = 0; i < this.bucketCount; i++) {
      const c = this.buckets[i] as number;
      if (c !== 0) {
        index.push(i);
        count.push(c);
      }
    }
    return {
      lowest: this.lowest, highest: this.highest, growth: this.growth, index, count,
      underflow: this.underflow, overflow: this.overflow, total: this.totalCount, sum: this.sumValues,
      min: this.minValue, max: this.maxValue,
    };
  }

  static fromData(data: LogHistogramData): LogHistogram {
    return new LogHistogram({ lowest: data.lowest, highest: data.highest, growth: data.growth }).merge(data);
  }
}

/** An empty histogram's plain data for a layout. */
export function emptyHistogramData(layout: LogHistogramLayout = {}): LogHistogramData {
  return new LogHistogram(layout).toData();
}

/** Merge two plain-data histograms of the same layout into a new one. */
export function mergeHistogramData(a: LogHistogramData, b: LogHistogramData): LogHistogramData {
  return LogHistogram.fromData(a).merge(b).toData();
}

/** Quantile of a plain-data histogram (NaN when empty). */
export function histogramQuantile(data: LogHistogramData, q: number): number {
  if (data.total === 0) return NaN;
  return LogHistogram.fromData(data).quantile(q);
}
