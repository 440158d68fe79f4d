/**
 * The integral of a piecewise-constant level (busy servers, jobs waiting, records in a backlog)
 * per interval, level·ns, on an `IntervalSeries` (its grid and end rule); divide by the
 * interval's length for its time average.
 */
import { IntervalSeries } from './interval-series.js';

export class IntervalLevel {
  private readonly series: IntervalSeries;
  private level = 0;
  private lastNs: number;

  constructor(intervalNs: number, startNs = 0, endNs = Infinity) {
    this.series = new IntervalSeries(intervalNs, endNs, 1);
    this.lastNs = startNs;
  }

  get current(): number {
    return this.level;
  }

  /** The level becomes `level` at `nowNs` (non-decreasing times). */
  set(nowNs: number, level: number): void {
    this.series.addArea(0, this.lastNs, nowNs, this.level);
    this.lastNs = nowNs;
    this.level = level;
  }

  /** Areas per interval covering [0, nowNs], the current level carried to `nowNs` (nothing changes). */
  snapshot(nowNs: number): number[] {
    const out = this.series.clone();
    out.addArea(0, this.lastNs, Math.max(nowNs, this.lastNs), this.level);
    return out.channelValues(0, nowNs);
  }
}
