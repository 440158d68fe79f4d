/**
 * Streaming, mergeable metrics of one replication: totals, quantile sketches and per-gateline
 * interval series. Nothing here grows with the number of passengers.
 */
import { IntervalSeries } from '../observe/interval-series.js';
import { LogHistogram, SECONDS_SPEC, type LogHistogramSpec } from '../observe/log-histogram.js';
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

/** Coarse wait histogram per gateline and interval (for the p95 series): 0.1 s … 2 h at 20 %. */
export const COARSE_WAIT_SPEC: LogHistogramSpec = { minValue: 0.1, maxValue: 7200, relativeResolution: 0.2 };

export class GatelineMetrics {
  readonly series: IntervalSeries;
  readonly coarseWait: IntervalSeries;
  private readonly coarse: LogHistogram;

  constructor(intervalNs: number, durationNs: number, shared?: { series: IntervalSeries; coarseWait: IntervalSeries; coarse: LogHistogram }) {
    this.coarse = shared?.coarse ?? new LogHistogram(COARSE_WAIT_SPEC);
    this.series = shared?.series ?? new IntervalSeries(intervalNs, durationNs, GL_CHANNELS);
    this.coarseWait = shared?.coarseWait ?? new IntervalSeries(intervalNs, durationNs, this.coarse.counts.length);
  }

  /**
   * Metrics for `count` gatelines with their series interleaved by interval (see
   * `IntervalSeries.interleaved`): a city's gatelines all write near the current time, so they
   * share a few contiguous blocks instead of one cache line each. Values are as with separate series.
   */
  static forGatelines(count: number, intervalNs: number, durationNs: number): GatelineMetrics[] {
    const coarse = new LogHistogram(COARSE_WAIT_SPEC); // only its bucket layout is used
    const series = IntervalSeries.interleaved(intervalNs, durationNs, GL_CHANNELS, count);
    const waits = IntervalSeries.interleaved(intervalNs, durationNs, coarse.counts.length, count);
    return series.map((s, i) => new GatelineMetrics(intervalNs, durationNs, { series: s, coarseWait: waits[i] as IntervalSeries, coarse }));
  }

  wait(nowNs: number, waitS: number): void {
    this.series.add(GL.waitSumS, nowNs, waitS);
    this.series.add(GL.waitCount, nowNs);
    this.series.max(GL.waitMaxS, nowNs, waitS);
    this.coarseWait.add(this.coarse.indexOf(waitS), nowNs);
  }

  /** p95 wait of one interval from the coarse histogram (NaN when nobody waited). */
  waitP95S(interval: number): number {
    const h = new LogHistogram(COARSE_WAIT_SPEC);
    for (let i = 0; i < h.counts.length; i++) {
      const c = this.coarseWait.get(interval, i);
      if (c > 0) {
        h.counts[i] = c;
        h.count += c;
      }
    }
    h.min = 0;
    h.max = this.series.get(interval, GL.waitMaxS);
    return h.quantile(0.95);
  }
}

export class StationMetrics {
  readonly wait = new LogHistogram(SECONDS_SPEC);
  readonly timeInSystem = new LogHistogram(SECONDS_SPEC);
  /** Tap latency (first answer → last frame) of successful taps, per "carrier|band". */
  readonly tapLatency = new Map<string, LogHistogram>();
  private readonly latencyIndex = new Map<string, Map<Band, LogHistogram>>();
  /** Gate-side transaction time of successful taps (gesture start → done), all carriers. */
  readonly transactionTime = new LogHistogram(SECONDS_SPEC);
  /** From the start of the successful tap to the gate opening (authorisation included). */
  readonly tapToOpen = new LogHistogram(SECONDS_SPEC);
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
      h = new LogHistogram(SECONDS_SPEC);
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
