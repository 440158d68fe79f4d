/**
 * The backend's live measurements: totals as requests are offered and resolved, the offered,
 * resolved and response-time series, what was sent to a host (host-bound: online attempts and
 * record batches) apart from the deferred taps checked locally, the total deferred backlog over time, and the snapshot of
 * all of it (with the hosts', links' and FEPs' own statistics) as `BackendMetrics`.
 */
import type { Kernel } from '../kernel/kernel.js';
import { TimeWeighted } from '../observe/time-weighted.js';
import { NANOSECONDS_SPEC } from '../observe/log-histogram.js';
import { FINE_NANOSECONDS, QuantileSketch } from '../observe/quantile-sketch.js';
import { IntervalHistograms } from '../observe/interval-histograms.js';
import { IntervalSeries } from '../observe/interval-series.js';
import type { AuthCause } from './auth.js';
import { deriveSeries, type BackendMetrics, type BackendTotals, type RawSeries } from './backend-metrics.js';
import type { Fep, FepStats } from './fep.js';
import type { HostQueue } from './host.js';
import type { LinkStats, NetworkLink } from './network.js';

/** The totals counted as requests go (the FEP pipeline and response quantiles are read at the snapshot). */
export type RunningTotals = Omit<BackendTotals, 'response' | 'responseP50Ns' | 'responseP99Ns' | 'backlogNow' | 'backlogMax' | 'stationBacklogMax' | 'oldestAgeMaxNs' | 'oldestAgeNowNs' | 'recordsQueued' | 'recordsUploaded' | 'batches' | 'batchFailures'>;

function emptyTotals(): RunningTotals {
  return {
    offered: 0, online: 0, deferred: 0, riskOnline: 0, riskDeferred: 0,
    ok: 0, declined: 0, overload: 0, timedOut: 0, inFlight: 0, approved: 0,
    attempts: 0, attemptTimeouts: 0, retries: 0, duplicates: 0, lateResponses: 0,
    charged: 0, chargedValueCents: 0, chargedNotApproved: 0,
    offlineAccepted: 0, offlineAcceptedValueCents: 0, fallbackDenied: 0,
  };
}

/** What the snapshot reads of a channel: its host and its links (one per station). */
export interface MeasuredChannel {
  readonly id: string;
  readonly host: HostQueue;
  readonly links: readonly NetworkLink[];
}

function sumSeries(parts: number[][]): number[] {
  const out: number[] = [];
  for (const p of parts) {
    while (out.length < p.length) out.push(0);
    for (let k = 0; k < p.length; k++) out[k] = (out[k] as number) + (p[k] as number);
  }
  return out;
}

function linkStats(c: MeasuredChannel): LinkStats {
  const out: LinkStats = { messages: 0, delivered: 0, lost: 0, retransmissions: 0, outageDrops: 0 };
  for (const l of c.links) {
    const st = l.stats();
    out.messages += st.messages;
    out.delivered += st.delivered;
    out.lost += st.lost;
    out.retransmissions += st.retransmissions;
    out.outageDrops += st.outageDrops;
  }
  return out;
}

/** The deferred-record pipeline over all stations. */
function pipelineTotals(fepStats: readonly FepStats[]): Pick<BackendTotals, 'recordsQueued' | 'recordsUploaded' | 'batches' | 'batchFailures' | 'stationBacklogMax' | 'oldestAgeMaxNs' | 'oldestAgeNowNs'> {
  let stationBacklogMax = 0;
  let oldestAgeMaxNs = 0;
  let oldestAgeNowNs = 0;
  let recordsQueued = 0;
  let recordsUploaded = 0;
  let batches = 0;
  let batchFailures = 0;
  for (const f of fepStats) {
    stationBacklogMax = Math.max(stationBacklogMax, f.backlogMax);
    oldestAgeMaxNs = Math.max(oldestAgeMaxNs, f.oldestAgeMaxNs);
    oldestAgeNowNs = Math.max(oldestAgeNowNs, f.oldestAgeNs);
    recordsQueued += f.recordsIn;
    recordsUploaded += f.recordsUploaded;
    batches += f.batches;
    batchFailures += f.batchFailures;
  }
  return { recordsQueued, recordsUploaded, batches, batchFailures, stationBacklogMax, oldestAgeMaxNs, oldestAgeNowNs };
}

export class BackendRecorder {
  readonly totals: RunningTotals = emptyTotals();
  /** Counts per interval (one channel each). */
  private readonly offeredSeries: IntervalSeries;
  private readonly resolvedSeries: IntervalSeries;
  private readonly hostBoundSeries: IntervalSeries;
  private readonly localCheckSeries: IntervalSeries;
  private readonly responseSeries: IntervalHistograms;
  /** FINE sketch: host_p99_ms within 0.0489 % (quantile-sketch.ts). */
  private readonly response = new QuantileSketch(FINE_NANOSECONDS);
  private readonly totalBacklog: TimeWeighted;
  private backlogCount = 0;

  constructor(private readonly kernel: Kernel, readonly intervalNs: number, endNs = Infinity) {
    this.offeredSeries = new IntervalSeries(intervalNs, endNs, 1);
    this.resolvedSeries = new IntervalSeries(intervalNs, endNs, 1);
    this.hostBoundSeries = new IntervalSeries(intervalNs, endNs, 1);
    this.localCheckSeries = new IntervalSeries(intervalNs, endNs, 1);
    this.responseSeries = new IntervalHistograms(intervalNs, NANOSECONDS_SPEC, endNs);
    this.totalBacklog = new TimeWeighted(kernel.nowNs);
  }

  /** An authorise call. */
  offered(): void {
    this.totals.offered++;
    this.totals.inFlight++;
    this.offeredSeries.add(0, this.kernel.nowNs);
  }

  /** Something leaves for a host now: an online attempt or a batch of deferred records (bound: pass it as is). */
  readonly hostBound = (): void => {
    this.hostBoundSeries.add(0, this.kernel.nowNs);
  };

  /** A deferred authorisation is checked locally (it reaches a host only later, inside a batch). */
  localCheck(): void {
    this.localCheckSeries.add(0, this.kernel.nowNs);
  }

  /** A request started at `startNs` resolves now; returns its response time, ns. */
  resolved(startNs: number, cause: AuthCause, approved: boolean, online: boolean): number {
    const totals = this.totals;
    const now = this.kernel.nowNs;
    const responseNs = now - startNs;
    totals.inFlight--;
    if (cause === 'timeout') totals.timedOut++;
    else totals[cause]++;
    if (approved) totals.approved++;
    this.resolvedSeries.add(0, now);
    if (online) {
      this.response.add(responseNs);
      this.responseSeries.record(now, responseNs);
    }
    return responseNs;
  }

  /** A station's backlog changed by `delta` records (bound: pass it to a FEP as is). */
  readonly backlogChanged = (delta: number): void => {
    this.backlogCount += delta;
    this.totalBacklog.set(this.kernel.nowNs, this.backlogCount);
  };

  snapshot(channels: readonly MeasuredChannel[], feps: readonly Fep[]): BackendMetrics {
    const now = this.kernel.nowNs;
    const fepStats: FepStats[] = feps.map((f) => f.stats());
    const p = pipelineTotals(fepStats);
    const raw: RawSeries = {
      intervalNs: this.intervalNs,
      offered: this.offeredSeries.channelValues(0, now),
      resolved: this.resolvedSeries.channelValues(0, now),
      hostBound: this.hostBoundSeries.channelValues(0, now),
      localChecks: this.localCheckSeries.channelValues(0, now),
      hostArrivals: sumSeries(channels.map((c) => c.host.arrivalsByInterval.channelValues(0, now))),
      hostCompletions: sumSeries(channels.map((c) => c.host.completionsByInterval.channelValues(0, now))),
      hostBusyServerNs: sumSeries(channels.map((c) => c.host.busyByInterval.snapshot(now))),
      hostQueueJobNs: sumSeries(channels.map((c) => c.host.queueByInterval.snapshot(now))),
      backlogRecordNs: sumSeries(feps.map((f) => f.backlogByInterval.snapshot(now))),
      responseHist: this.responseSeries.snapshot(now),
      hostServers: channels.reduce((sum, c) => sum + c.host.params.servers, 0),
    };
    return {
      nowNs: now,
      totals: {
        ...this.totals,
        recordsQueued: p.recordsQueued, recordsUploaded: p.recordsUploaded, batches: p.batches, batchFailures: p.batchFailures,
        backlogNow: this.backlogCount,
        backlogMax: this.totalBacklog.max,
        stationBacklogMax: p.stationBacklogMax,
        oldestAgeMaxNs: p.oldestAgeMaxNs,
        oldestAgeNowNs: p.oldestAgeNowNs,
        responseP50Ns: this.response.quantile(0.5),
        responseP99Ns: this.response.quantile(0.99),
        response: this.response.toData(),
      },
      series: deriveSeries(raw),
      channels: channels.map((c) => ({ id: c.id, host: c.host.stats(), link: linkStats(c) })),
      stations: fepStats.map((f) => ({ backlog: f.backlog, backlogMax: f.backlogMax, oldestAgeMaxNs: f.oldestAgeMaxNs, fepRejected: f.queue.rejected })),
    };
  }
}
