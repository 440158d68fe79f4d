/**
 * Per-interval series on a fixed grid [k·intervalNs, (k+1)·intervalNs): counts, time-weighted
 * level integrals and histograms. Times passed in must be non-decreasing (kernel order). Memory
 * grows with the number of intervals, never with the number of events.
 */
import { LogHistogram, NANOSECONDS_SPEC, type LogHistogramData, type LogHistogramSpec } from '../observe/log-histogram.js';

function grow(values: number[], length: number): void {
  while (values.length < length) values.push(0);
}

/** Sums of an amount per interval. */
export class IntervalCounter {
  readonly values: number[] = [];
  constructor(readonly intervalNs: number) {}

  add(nowNs: number, amount = 1): void {
    const k = Math.floor(nowNs / this.intervalNs);
    if (k >= this.values.length) grow(this.values, k + 1);
    this.values[k] = (this.values[k] as number) + amount;
  }

  /** The series padded to cover [0, nowNs]. */
  snapshot(nowNs: number): number[] {
    const out = this.values.slice();
    grow(out, Math.floor(nowNs / this.intervalNs) + 1);
    return out;
  }
}

/**
 * Integral of a piecewise-constant level per interval (level·ns), split exactly at interval
 * boundaries; divide by intervalNs for the interval's time average.
 */
export class IntervalLevel {
  readonly areas: number[] = [];
  private level = 0;
  private lastNs = 0;

  constructor(readonly intervalNs: number, startNs = 0) {
    this.lastNs = startNs;
  }

  get current(): number {
    return this.level;
  }

  set(nowNs: number, level: number): void {
    this.accumulate(this.areas, nowNs);
    this.lastNs = nowNs;
    this.level = level;
  }

  private accumulate(areas: number[], toNs: number): void {
    if (this.level !== 0) {
      let t = this.lastNs;
      while (t < toNs) {
        const k = Math.floor(t / this.intervalNs);
        const endNs = Math.min(toNs, (k + 1) * this.intervalNs);
        grow(areas, k + 1);
        areas[k] = (areas[k] as number) + this.level * (endNs - t);
        t = endNs;
      }
    }
    grow(areas, Math.floor(toNs / this.intervalNs) + 1);
  }

  /** Areas per interval up to `nowNs` (the current level carried to `nowNs`). */
  snapshot(nowNs: number): number[] {
    const out = this.areas.slice();
    this.accumulate(out, Math.max(nowNs, this.lastNs));
    grow(out, Math.floor(nowNs / this.intervalNs) + 1);
    return out;
  }
}

/** One histogram per interval: a dense live one for the current interval, sparse data for closed ones. */
export class IntervalHistograms {
  private readonly closed: LogHistogramData[] = [];
  private readonly live: LogHistogram;
  private liveIndex = 0;
  private readonly emptyData: LogHistogramData;

  constructor(readonly intervalNs: number, spec: LogHistogramSpec = NANOSECONDS_SPEC) {
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
    this.rollTo(Math.floor(nowNs / this.intervalNs));
    this.live.add(value);
  }

  /** One histogram per interval covering [0, nowNs] (closed ones shared, do not mutate). */
  snapshot(nowNs: number): LogHistogramData[] {
    const k = Math.floor(nowNs / this.intervalNs);
    const out = this.closed.slice();
    out.push(this.live.count > 0 ? this.live.toData() : this.emptyData);
    while (out.length < k + 1) out.push(this.emptyData);
    return out;
  }
}
