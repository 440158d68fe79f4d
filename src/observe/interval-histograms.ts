/**
 * One log-histogram per interval, on the grid and end rule of interval-series.ts: a dense live
 * histogram for the current interval, sparse data for the closed ones. Times passed in must be
 * non-decreasing (kernel order).
 */
import { LogHistogram, NANOSECONDS_SPEC, type LogHistogramData, type LogHistogramSpec } from './log-histogram.js';
import { intervalOf, intervalsFor } from './interval-series.js';

export class IntervalHistograms {
  private readonly closed: LogHistogramData[] = [];
  private readonly live: LogHistogram;
  private liveIndex = 0;
  private readonly emptyData: LogHistogramData;
  /** Intervals with an end (Infinity without). */
  private readonly fixed: number;

  constructor(readonly intervalNs: number, spec: LogHistogramSpec = NANOSECONDS_SPEC, endNs = Infinity) {
    if (!(intervalNs > 0)) throw new RangeError(`interval must be > 0 ns, got ${intervalNs}`);
    this.fixed = intervalsFor(intervalNs, endNs);
    this.live = new LogHistogram(spec);
    this.emptyData = this.live.toData();
  }

  private rollTo(k: number): void {
    while (this.liveIndex < k) {
      this.closed.push(this.live.count > 0 ? this.live.toData() : this.emptyData);
      this.live.reset();
      this.liveIndex++;
    }
  }

  record(nowNs: number, value: number): void {
    this.rollTo(intervalOf(nowNs, this.intervalNs, this.fixed - 1));
    this.live.add(value);
  }

  /** One histogram per interval covering [0, nowNs] (all of them with an end; closed ones shared, do not mutate). */
  snapshot(nowNs: number): LogHistogramData[] {
    const n = Number.isFinite(this.fixed) ? this.fixed : intervalOf(nowNs, this.intervalNs, Infinity) + 1;
    const out = this.closed.slice();
    out.push(this.live.count > 0 ? this.live.toData() : this.emptyData);
    while (out.length < n) out.push(this.emptyData);
    return out;
  }
}
