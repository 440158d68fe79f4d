/**
 * The backend's measurements as plain data: totals, per-interval series (raw sums that merge, and
 * the rates derived from them), per-channel and per-station statistics, and how two of them pool
 * (`mergeBackendMetrics`). The live recorder that fills them is metrics-recorder.ts.
 */
import { LogHistogram, type LogHistogramData } from '../observe/log-histogram.js';
import { QuantileSketch, type QuantileSketchData } from '../observe/quantile-sketch.js';
import type { HostStats } from './host.js';
import type { LinkStats } from './network.js';
import { NS_PER_S } from '../units.js';

export interface BackendTotals {
  /** authorise() calls. */
  offered: number;
  /** Requests that went online / deferred (risk-based ones counted where they went). */
  online: number;
  deferred: number;
  riskOnline: number;
  riskDeferred: number;
  /** Resolved by cause; offered = ok + declined + overload + timedOut + inFlight. */
  ok: number;
  declined: number;
  overload: number;
  timedOut: number;
  inFlight: number;
  approved: number;
  /** Online attempts (first sends plus retries), attempt timeouts, retries. */
  attempts: number;
  attemptTimeouts: number;
  retries: number;
  /** Host processings of an already-decided request (never charged). */
  duplicates: number;
  /** Responses arriving after their request was resolved. */
  lateResponses: number;
  /** Requests the host approved (charged exactly once) and their value. */
  charged: number;
  chargedValueCents: number;
  /** Charged at the host but not approved at the terminal (needs a reversal). */
  chargedNotApproved: number;
  offlineAccepted: number;
  offlineAcceptedValueCents: number;
  fallbackDenied: number;
  /** Deferred-record pipeline (all stations). */
  recordsQueued: number;
  recordsUploaded: number;
  batches: number;
  batchFailures: number;
  backlogNow: number;
  /** Maximum of the total backlog over all stations at one instant. */
  backlogMax: number;
  /** Largest single-station backlog. */
  stationBacklogMax: number;
  /** Oldest waiting record's age: maximum seen and now, ns. */
  oldestAgeMaxNs: number;
  oldestAgeNowNs: number;
  /** Response time of online requests (any cause), ns. */
  responseP50Ns: number;
  responseP99Ns: number;
  /** FINE sketch of the online response times, ns. */
  response: QuantileSketchData;
}

export interface BackendSeries {
  intervalNs: number;
  /** Raw per-interval sums (mergeable). authorise() calls, host-bound and local alike. */
  offered: number[];
  resolved: number[];
  /** Sent towards a host: online attempts (first sends and retries) and deferred-record batches. */
  hostBound: number[];
  /** Deferred (offline) authorisations checked locally at the terminal: never sent to a host on their own. */
  localChecks: number[];
  hostArrivals: number[];
  hostCompletions: number[];
  hostBusyServerNs: number[];
  hostQueueJobNs: number[];
  backlogRecordNs: number[];
  responseHist: LogHistogramData[];
  /** Servers over all hosts (for utilisation). */
  hostServers: number;
  /**
   * Derived: host-bound sends /s (offered to the hosts), host completions /s (served), local checks /s,
   * busy fraction, mean host queue, mean total backlog, p99 online response (s, NaN if none).
   */
  offeredTps: number[];
  servedTps: number[];
  localChecksTps: number[];
  hostUtilisation: number[];
  hostQueueMean: number[];
  backlogMean: number[];
  p99ResponseS: number[];
}

export interface ChannelMetrics {
  id: string;
  host: HostStats;
  /** Summed over all stations' links to this channel. */
  link: LinkStats;
}

export interface BackendMetrics {
  nowNs: number;
  totals: BackendTotals;
  series: BackendSeries;
  channels: ChannelMetrics[];
  /** Per station: FEP backlog now / max and oldest record age max. */
  stations: { backlog: number; backlogMax: number; oldestAgeMaxNs: number; fepRejected: number }[];
}

export type RawSeries = Omit<BackendSeries, 'offeredTps' | 'servedTps' | 'localChecksTps' | 'hostUtilisation' | 'hostQueueMean' | 'backlogMean' | 'p99ResponseS'>;

/** Compute the derived series from the raw sums. */
export function deriveSeries(raw: RawSeries): BackendSeries {
  const perS = NS_PER_S / raw.intervalNs;
  return {
    ...raw,
    offeredTps: raw.hostBound.map((n) => n * perS),
    servedTps: raw.hostCompletions.map((n) => n * perS),
    localChecksTps: raw.localChecks.map((n) => n * perS),
    hostUtilisation: raw.hostBusyServerNs.map((a) => a / (raw.intervalNs * raw.hostServers)),
    hostQueueMean: raw.hostQueueJobNs.map((a) => a / raw.intervalNs),
    backlogMean: raw.backlogRecordNs.map((a) => a / raw.intervalNs),
    p99ResponseS: raw.responseHist.map((h) => LogHistogram.quantileOf(h, 0.99) / NS_PER_S),
  };
}

function addArrays(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(Math.max(a.length, b.length)).fill(0);
  for (let k = 0; k < a.length; k++) out[k] = (out[k] as number) + (a[k] as number);
  for (let k = 0; k < b.length; k++) out[k] = (out[k] as number) + (b[k] as number);
  return out;
}

/**
 * Pool two metrics (shards of one run, or replications): counts and series add, maxima take
 * the maximum, histograms merge exactly, derived series are recomputed. Channel host/link
 * statistics are kept from `a` and `b` side by side (they are per-host summaries).
 */
export function mergeBackendMetrics(a: BackendMetrics, b: BackendMetrics): BackendMetrics {
  if (a.series.intervalNs !== b.series.intervalNs) throw new Error('mergeBackendMetrics: different intervals');
  const ta = a.totals;
  const tb = b.totals;
  const merged = QuantileSketch.mergeData([ta.response, tb.response], 'the host response sketch');
  const sumKeys = [
    'offered', 'online', 'deferred', 'riskOnline', 'riskDeferred', 'ok', 'declined', 'overload', 'timedOut', 'inFlight', 'approved',
    'attempts', 'attemptTimeouts', 'retries', 'duplicates', 'lateResponses', 'charged', 'chargedValueCents', 'chargedNotApproved',
    'offlineAccepted', 'offlineAcceptedValueCents', 'fallbackDenied', 'recordsQueued', 'recordsUploaded', 'batches', 'batchFailures', 'backlogNow',
  ] as const;
  const maxKeys = ['backlogMax', 'stationBacklogMax', 'oldestAgeMaxNs', 'oldestAgeNowNs'] as const;
  const totals: BackendTotals = { ...ta, response: merged };
  for (const k of sumKeys) totals[k] = ta[k] + tb[k];
  for (const k of maxKeys) totals[k] = Math.max(ta[k], tb[k]);
  const histQ = QuantileSketch.fromData(merged);
  totals.responseP50Ns = histQ.quantile(0.5);
  totals.responseP99Ns = histQ.quantile(0.99);
  const sa = a.series;
  const sb = b.series;
  const hists: LogHistogramData[] = [];
  for (let k = 0; k < Math.max(sa.responseHist.length, sb.responseHist.length); k++) {
    const ha = sa.responseHist[k];
    const hb = sb.responseHist[k];
    hists.push(ha !== undefined && hb !== undefined ? LogHistogram.mergeData(ha, hb) : ((ha ?? hb) as LogHistogramData));
  }
  const series = deriveSeries({
    intervalNs: sa.intervalNs,
    offered: addArrays(sa.offered, sb.offered),
    resolved: addArrays(sa.resolved, sb.resolved),
    hostBound: addArrays(sa.hostBound, sb.hostBound),
    localChecks: addArrays(sa.localChecks, sb.localChecks),
    hostArrivals: addArrays(sa.hostArrivals, sb.hostArrivals),
    hostCompletions: addArrays(sa.hostCompletions, sb.hostCompletions),
    hostBusyServerNs: addArrays(sa.hostBusyServerNs, sb.hostBusyServerNs),
    hostQueueJobNs: addArrays(sa.hostQueueJobNs, sb.hostQueueJobNs),
    backlogRecordNs: addArrays(sa.backlogRecordNs, sb.backlogRecordNs),
    responseHist: hists,
    hostServers: sa.hostServers + sb.hostServers,
  });
  return {
    nowNs: Math.max(a.nowNs, b.nowNs),
    totals,
    series,
    channels: [...a.channels, ...b.channels],
    stations: [...a.stations, ...b.stations],
  };
}
