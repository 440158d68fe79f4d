/**
 * Fixed-interval time series, streaming and mergeable: counts and sums per interval, maxima, and
 * the area under a piecewise-constant level (queue length) split exactly across interval edges.
 * Memory is intervals × channels, independent of the number of events. The one implementation
 * of interval series in tapsim: the station's per-gateline series, the backend's offered and
 * resolved counts, the hosts' and FEPs' levels (`IntervalLevel`, interval-level.ts) and the
 * per-interval response histograms (interval-histograms.ts) all use this grid and its end rule.
 *
 * The grid and its end-of-run rule: interval k covers [k·intervalNs, (k+1)·intervalNs).
 * - A series of a run with an end (`endNs` finite: the run's duration) has ceil(endNs / intervalNs)
 *   intervals, at least one; the last may be shorter, and it is **closed at the end**: a time
 *   ≥ endNs counts in the last interval. The kernel runs the events at exactly the end, and the
 *   end-of-run flushes (a gate's last queue level) happen then, so they belong to the run's last
 *   interval, not to an interval of their own past the end. Times before 0 count in interval 0.
 * - A series without a known end (`endNs` = Infinity: a backend or host driven on its own) grows to
 *   cover the latest time written (`add`, `max`, `addArea`) or read (`channelValues`).
 */

/** The interval holding `timeNs` on a grid of `intervalNs` whose last interval is `lastIndex` (Infinity: none). */
export function intervalOf(timeNs: number, intervalNs: number, lastIndex: number): number {
  return Math.min(lastIndex, Math.max(0, Math.floor(timeNs / intervalNs)));
}

/** Intervals of a run of `endNs` (the end rule above); Infinity without an end. */
export function intervalsFor(intervalNs: number, endNs: number): number {
  return Number.isFinite(endNs) ? Math.max(1, Math.ceil(endNs / intervalNs)) : Infinity;
}

export class IntervalSeries {
  /** Storage; with `interleaved` it is shared by several series (see `stride`, `offset`). */
  private store: Float64Array;
  private count: number;
  /** Last interval index of a series with an end; Infinity for a growing one. */
  private readonly lastIndex: number;
  /** Values per interval in `values`, and where this series' channels start within one interval. */
  private readonly stride: number;
  private readonly offset: number;

  constructor(
    readonly intervalNs: number,
    /** End of the run, ns (Infinity: no known end, the series grows). */
    readonly endNs: number,
    readonly channels: number,
    shared?: { values: Float64Array; stride: number; offset: number },
  ) {
    if (!(intervalNs > 0)) throw new RangeError(`interval must be > 0 ns, got ${intervalNs}`);
    const fixed = intervalsFor(intervalNs, endNs);
    if (shared !== undefined && !Number.isFinite(fixed)) throw new RangeError('a shared (interleaved) interval series needs a finite end');
    this.lastIndex = fixed - 1;
    this.count = Number.isFinite(fixed) ? fixed : 0;
    this.store = shared?.values ?? new Float64Array((Number.isFinite(fixed) ? fixed : 16) * channels);
    this.stride = shared?.stride ?? channels;
    this.offset = shared?.offset ?? 0;
  }

  /**
   * `count` series in one buffer, interval-major: the same interval of every series lies side by
   * side, so a run that touches many series (one per gateline) at the current time touches one
   * contiguous block instead of a cache line in each of `count` arrays.
   */
  static interleaved(intervalNs: number, durationNs: number, channels: number, count: number): IntervalSeries[] {
    const intervals = intervalsFor(intervalNs, durationNs);
    if (!Number.isFinite(intervals)) throw new RangeError('interleaved interval series need a finite end');
    const values = new Float64Array(intervals * channels * count);
    return Array.from({ length: count }, (_, i) => new IntervalSeries(intervalNs, durationNs, channels, { values, stride: channels * count, offset: i * channels }));
  }

  /** The storage (interval-major; shared between interleaved series). */
  get values(): Float64Array {
    return this.store;
  }

  /** Intervals so far: all of them with an end, those up to the latest time seen without one. */
  get intervals(): number {
    return this.count;
  }

  /** The interval holding `timeNs` (growing a series without an end to hold it). */
  indexAt(timeNs: number): number {
    const index = intervalOf(timeNs, this.intervalNs, this.lastIndex);
    if (index >= this.count) this.grow(index + 1);
    return index;
  }

  private grow(intervals: number): void {
    if (intervals * this.stride > this.store.length) {
      const bigger = new Float64Array(Math.max(intervals, 2 * (this.store.length / this.stride)) * this.stride);
      bigger.set(this.store);
      this.store = bigger;
    }
    this.count = intervals;
  }

  /** Add `amount` to `channel` in the interval containing `timeNs`. */
  add(channel: number, timeNs: number, amount = 1): void {
    const k = this.indexAt(timeNs) * this.stride + this.offset + channel;
    this.store[k] = (this.store[k] as number) + amount;
  }

  /** Keep the maximum of `value` in `channel` for the interval containing `timeNs`. */
  max(channel: number, timeNs: number, value: number): void {
    const k = this.indexAt(timeNs) * this.stride + this.offset + channel;
    if (value > (this.store[k] as number)) this.store[k] = value;
  }

  /** Add level × time (level·ns) over [fromNs, toNs) to `channel`, split across intervals (the last one takes the rest). */
  addArea(channel: number, fromNs: number, toNs: number, level: number): void {
    if (level === 0 || toNs <= fromNs) return;
    let start = fromNs;
    while (start < toNs) {
      const index = this.indexAt(start);
      const edge = index === this.lastIndex ? toNs : Math.min(toNs, (index + 1) * this.intervalNs);
      const k = index * this.stride + this.offset + channel;
      this.store[k] = (this.store[k] as number) + level * (edge - start);
      start = edge;
    }
  }

  get(interval: number, channel: number): number {
    if (interval >= this.count) return 0;
    return this.store[interval * this.stride + this.offset + channel] as number;
  }

  /** One channel over the intervals covering [0, toNs]: all of them with an end; up to the one holding `toNs` without. */
  channelValues(channel: number, toNs: number): number[] {
    const n = Number.isFinite(this.lastIndex) ? this.count : Math.max(this.count, intervalOf(toNs, this.intervalNs, Infinity) + 1);
    const out = new Array<number>(n);
    for (let k = 0; k < n; k++) out[k] = this.get(k, channel);
    return out;
  }

  /** An unshared copy of this series (its own channels only). */
  clone(): IntervalSeries {
    const copy = new IntervalSeries(this.intervalNs, this.endNs, this.channels);
    if (this.count > copy.count) copy.grow(this.count);
    for (let k = 0; k < this.count; k++) for (let ch = 0; ch < this.channels; ch++) copy.store[k * this.channels + ch] = this.get(k, ch);
    return copy;
  }
}
