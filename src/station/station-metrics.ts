/**
 * Streaming, mergeable metrics of one replication: totals, quantile sketches and per-gateline
 * interval series. Nothing here grows with the number of passengers.
 */
import { IntervalSeries, intervalOf, intervalsFor } from '../observe/interval-series.js';
import { FINE_SECONDS, INTERVAL_SECONDS, QuantileSketch } from '../observe/quantile-sketch.js';
import { TAP_CAUSES, type Band, type TapCause } from '../radio/tap-outcome.js';

/** Channels of the per-gateline series. */
export const GL = {
  arrivals: 0,
  passed: 1,
  taps: 2,
  failedTaps: 3,
  waitSumS: 4,
  waitCount: 5,
  waitMaxS: 6,
  /** Queue level × time summed over the gateline's gates, person·ns. */
  queueAreaPersonNs: 7,
  /** Largest queue of the whole gateline (all its gates together) at one instant, persons. */
  queueMax: 8,
  /** Largest queue at any single gate of the gateline, persons. */
  queueMaxPerGate: 9,
} as const;
const GL_CHANNELS = 10;

/**
 * Per gateline: the interval series, and the p95 wait of each interval from an INTERVAL sketch
 * (6 mantissa bits: error ≤ 0.782 %, quantile-sketch.ts). Waits arrive in kernel (time) order, so
 * one live sketch per gateline suffices: when a wait falls in a later interval, the live sketch's
 * p95 is kept for its interval and the sketch starts over. Memory: one sketch and one number per
 * interval per gateline.
 */
export class GatelineMetrics {
  readonly series: IntervalSeries;
  private readonly live = new QuantileSketch(INTERVAL_SECONDS);
  private liveIndex = 0;
  private readonly p95S: Float64Array;
  private readonly lastIndex: number;

  constructor(readonly intervalNs: number, durationNs: number, series?: IntervalSeries) {
    this.series = series ?? new IntervalSeries(intervalNs, durationNs, GL_CHANNELS);
    const intervals = intervalsFor(intervalNs, durationNs);
    this.lastIndex = intervals - 1;
    this.p95S = new Float64Array(Number.isFinite(intervals) ? intervals : 0).fill(NaN);
  }

  /**
   * Metrics for `count` gatelines with their series interleaved by interval (see
   * `IntervalSeries.interleaved`): a city's gatelines all write near the current time, so they
   * share a few contiguous blocks instead of one cache line each. Values are as with separate series.
   */
  static forGatelines(count: number, intervalNs: number, durationNs: number): GatelineMetrics[] {
    const series = IntervalSeries.interleaved(intervalNs, durationNs, GL_CHANNELS, count);
    return series.map((s) => new GatelineMetrics(intervalNs, durationNs, s));
  }

  private close(): void {
    if (this.live.count > 0) this.p95S[this.liveIndex] = this.live.quantile(0.95);
    this.live.reset();
  }

  wait(nowNs: number, waitS: number): void {
    this.series.add(GL.waitSumS, nowNs, waitS);
    this.series.add(GL.waitCount, nowNs);
    this.series.max(GL.waitMaxS, nowNs, waitS);
    const k = intervalOf(nowNs, this.intervalNs, this.lastIndex);
    if (k !== this.liveIndex) {
      this.close();
      this.liveIndex = k;
    }
    this.live.add(waitS);
  }

  /** p95 wait of one interval (INTERVAL sketch, ≤ 0.782 %); NaN when nobody waited. */
  waitP95S(interval: number): number {
    if (interval === this.liveIndex && this.live.count > 0) return this.live.quantile(0.95);
    return this.p95S[interval] ?? NaN;
  }
}

export class StationMetrics {
  /** FINE sketches (10 mantissa bits: quantiles within 0.0489 %, quantile-sketch.ts). */
  readonly wait = new QuantileSketch(FINE_SECONDS);
  readonly timeInSystem = new QuantileSketch(FINE_SECONDS);
  /** Tap latency (first answer → last frame) of successful taps, per "carrier|band". */
  readonly tapLatency = new Map<string, QuantileSketch>();
  private readonly latencyIndex = new Map<string, Map<Band, QuantileSketch>>();
  /** Gate-side transaction time of successful taps (gesture start → done), all carriers. */
  readonly transactionTime = new QuantileSketch(FINE_SECONDS);
  /** From the start of the successful tap to the gate opening (authorisation included). */
  readonly tapToOpen = new QuantileSketch(FINE_SECONDS);
  readonly causes = new Map<Band, Float64Array>();
  arrived = 0;
  /** Of `arrived`, passengers leaving the station (exit flow). */
  exits = 0;
  passed = 0;
  balked = 0;
  serviceDesk = 0;
  fallbackOtherGate = 0;
  fallbackQr = 0;
  declinedByHost = 0;
  taps = 0;
  collisions = 0;
  /** Taps and successful taps per carrier id. */
  readonly carrierTaps = new Map<string, { taps: number; ok: number }>();

  constructor(readonly warmupNs: number) {}

  counted(nowNs: number): boolean {
    return nowNs >= this.warmupNs;
  }

  tap(band: Band, cause: TapCause, collisions: number): void {
    let row = this.causes.get(band);
    if (row === undefined) {
      row = new Float64Array(TAP_CAUSES.length);
      this.causes.set(band, row);
    }
    const index = TAP_CAUSES.indexOf(cause);
    row[index] = (row[index] as number) + 1;
    this.taps++;
    this.collisions += collisions;
  }

  carrierTap(carrierId: string, ok: boolean): void {
    let c = this.carrierTaps.get(carrierId);
    if (c === undefined) {
      c = { taps: 0, ok: 0 };
      this.carrierTaps.set(carrierId, c);
    }
    c.taps++;
    if (ok) c.ok++;
  }

  latency(carrierId: string, band: Band, latencyS: number): void {
    let byBand = this.latencyIndex.get(carrierId);
    if (byBand === undefined) {
      byBand = new Map();
      this.latencyIndex.set(carrierId, byBand);
    }
    let h = byBand.get(band);
    if (h === undefined) {
      h = new QuantileSketch(FINE_SECONDS);
      byBand.set(band, h);
      this.tapLatency.set(`${carrierId}|${band}`, h);
    }
    h.add(latencyS);
  }

  causeCount(cause: TapCause, band?: Band): number {
    const index = TAP_CAUSES.indexOf(cause);
    let total = 0;
    for (const [b, row] of this.causes) if (band === undefined || b === band) total += row[index] as number;
    return total;
  }

  tapsOn(band: Band): number {
    const row = this.causes.get(band);
    return row === undefined ? 0 : row.reduce((a, b) => a + b, 0);
  }
}
