/**
 * Fixed-interval time series, streaming and mergeable: counts and sums per interval, and the
 * area under a piecewise-constant level (queue length) split exactly across interval edges.
 * Memory is intervals × channels, independent of the number of passengers.
 */

export class IntervalSeries {
  /** Storage; with `interleaved` it is shared by several series (see `stride`, `offset`). */
  readonly values: Float64Array;
  readonly intervals: number;
  /** Values per interval in `values`, and where this series' channels start within one interval. */
  private readonly stride: number;
  private readonly offset: number;

  constructor(
    readonly intervalNs: number,
    durationNs: number,
    readonly channels: number,
    shared?: { values: Float64Array; stride: number; offset: number },
  ) {
    if (!(intervalNs > 0)) throw new RangeError(`interval must be > 0 ns, got ${intervalNs}`);
    this.intervals = Math.max(1, Math.ceil(durationNs / intervalNs));
    this.values = shared?.values ?? new Float64Array(this.intervals * channels);
    this.stride = shared?.stride ?? channels;
    this.offset = shared?.offset ?? 0;
  }

  /**
   * `count` series in one buffer, interval-major: the same interval of every series lies side by
   * side, so a run that touches many series (one per gateline) at the current time touches one
   * contiguous block instead of a cache line in each of `count` arrays.
   */
  static interleaved(intervalNs: number, durationNs: number, channels: number, count: number): IntervalSeries[] {
    const intervals = Math.max(1, Math.ceil(durationNs / intervalNs));
    const values = new Float64Array(intervals * channels * count);
    return Array.from({ length: count }, (_, i) => new IntervalSeries(intervalNs, durationNs, channels, { values, stride: channels * count, offset: i * channels }));
  }

  indexAt(timeNs: number): number {
    return Math.min(this.intervals - 1, Math.max(0, Math.floor(timeNs / this.intervalNs)));
  }

  /** Add `amount` to `channel` in the interval containing `timeNs`. */
  add(channel: number, timeNs: number, amount = 1): void {
    const k = this.indexAt(timeNs) * this.stride + this.offset + channel;
    this.values[k] = (this.values[k] as number) + amount;
  }

  /** Keep the maximum of `value` in `channel` for the interval containing `timeNs`. */
  max(channel: number, timeNs: number, value: number): void {
    const k = this.indexAt(timeNs) * this.stride + this.offset + channel;
    if (value > (this.values[k] as number)) this.values[k] = value;
  }

  /** Add level × time (level·ns) over [fromNs, toNs) to `channel`, split across intervals. */
  addArea(channel: number, fromNs: number, toNs: number, level: number): void {
    if (level === 0 || toNs <= fromNs) return;
    let start = fromNs;
    while (start < toNs) {
      const index = this.indexAt(start);
      const edge = index === this.intervals - 1 ? toNs : Math.min(toNs, (index + 1) * this.intervalNs);
      const k = index * this.stride + this.offset + channel;
      this.values[k] = (this.values[k] as number) + level * (edge - start);
      start = edge;
    }
  }

  get(interval: number, channel: number): number {
    return this.values[interval * this.stride + this.offset + channel] as number;
  }
}
