/**
 * A mergeable quantile sketch: counts in log-spaced buckets over [minValue, maxValue].
 * Bucket i covers [min·g^i, min·g^(i+1)) with g = 1 + relativeResolution; a quantile is reported
 * as its bucket's geometric midpoint, so its relative error is ≤ resolution/2. Merging is exact
 * (bucket counts add), so replications and shards combine without bias. Values below the range
 * count in the first bucket, above it in the last; zero and negatives count as `minValue`.
 */

export interface LogHistogramSpec {
  minValue: number;
  maxValue: number;
  relativeResolution: number;
}

/** Waits and latencies in seconds: 1 µs … 100,000 s at 2 % resolution (1,280 buckets). */
export const SECONDS_SPEC: LogHistogramSpec = { minValue: 1e-6, maxValue: 1e5, relativeResolution: 0.02 };
/** Response times in nanoseconds: 1 µs … 100 s at 2 % resolution. */
export const NANOSECONDS_SPEC: LogHistogramSpec = { minValue: 1e3, maxValue: 1e11, relativeResolution: 0.02 };

export interface LogHistogramData {
  spec: LogHistogramSpec;
  /** Sparse counts: [bucket index, count] pairs in ascending index order. */
  buckets: Array<[number, number]>;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export class LogHistogram {
  readonly counts: Float64Array;
  private readonly logGrowth: number;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  constructor(readonly spec: LogHistogramSpec = SECONDS_SPEC) {
    this.logGrowth = Math.log1p(spec.relativeResolution);
    const buckets = Math.ceil(Math.log(spec.maxValue / spec.minValue) / this.logGrowth) + 1;
    this.counts = new Float64Array(buckets);
  }

  add(value: number, weight = 1): void {
    const index = this.indexOf(value);
    this.counts[index] = (this.counts[index] as number) + weight;
    this.count += weight;
    this.sum += value * weight;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  indexOf(value: number): number {
    if (!(value > this.spec.minValue)) return 0;
    const index = Math.floor(Math.log(value / this.spec.minValue) / this.logGrowth);
    return Math.min(this.counts.length - 1, index);
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : NaN;
  }

  /** The q-quantile (0 ≤ q ≤ 1); NaN when empty. Clamped to the observed min and max. */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const rank = q * this.count;
    let cumulative = 0;
    for (let i = 0; i < this.counts.length; i++) {
      cumulative += this.counts[i] as number;
      if (cumulative >= rank && (this.counts[i] as number) > 0) {
        const mid = this.spec.minValue * Math.exp((i + 0.5) * this.logGrowth);
        return Math.min(this.max, Math.max(this.min, mid));
      }
    }
    return this.max;
  }

  merge(other: LogHistogram | LogHistogramData): void {
    if (other instanceof LogHistogram) {
      this.checkSpec(other.spec);
      for (let i = 0; i < this.counts.length; i++) this.counts[i] = (this.counts[i] as number) + (other.counts[i] as number);
    } else {
      this.checkSpec(other.spec);
      for (const [index, count] of other.buckets) this.counts[index] = (this.counts[index] as number) + count;
    }
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  /** Plain data (sparse) for crossing a worker boundary or storing. */
  toData(): LogHistogramData {
    const buckets: Array<[number, number]> = [];
    for (let i = 0; i < this.counts.length; i++) if ((this.counts[i] as number) > 0) buckets.push([i, this.counts[i] as number]);
    return { spec: this.spec, buckets, count: this.count, sum: this.sum, min: this.min, max: this.max };
  }

  static fromData(data: LogHistogramData): LogHistogram {
    const histogram = new LogHistogram(data.spec);
    histogram.merge(data);
    return histogram;
  }

  /** An empty histogram's plain data. */
  static emptyData(spec: LogHistogramSpec = SECONDS_SPEC): LogHistogramData {
    return { spec, buckets: [], count: 0, sum: 0, min: Infinity, max: -Infinity };
  }

  /** Exact merge of two plain-data histograms of the same spec. */
  static mergeData(a: LogHistogramData, b: LogHistogramData): LogHistogramData {
    const h = LogHistogram.fromData(a);
    h.merge(b);
    return h.toData();
  }

  /** The q-quantile of plain data (NaN when empty). */
  static quantileOf(data: LogHistogramData, q: number): number {
    return LogHistogram.fromData(data).quantile(q);
  }

  /** Forget everything (after a warm-up). */
  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  private checkSpec(spec: LogHistogramSpec): void {
    const s = this.spec;
    if (spec.minValue !== s.minValue || spec.maxValue !== s.maxValue || spec.relativeResolution !== s.relativeResolution) {
      throw new Error('cannot merge log histograms with different bucket specs');
    }
  }
}
