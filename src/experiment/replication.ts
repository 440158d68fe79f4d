/**
 * One replication of a scenario, pure: request in, plain-data result out (no fs, no threads).
 * Results merge exactly across replications and shards (counts, sketches, interval series).
 */
import type { ResolvedScenario } from '../scenario/schema.js';
import { buildWorld, type WorldConfig } from '../scenario/build.js';
import { buildWorldState, inSystem, type WorldState } from '../station/world.js';
import { GL } from '../station/station-metrics.js';
import { fruinQueueingClass } from '../station/fruin.js';
import type { QuantileSketchData } from '../observe/quantile-sketch.js';
import type { TransactionColumns } from '../station/transaction-log.js';
import { TAP_CAUSES, type Band } from '../radio/tap-outcome.js';
import { BAND_MODELS, bandShort } from '../radio/bands.js';
import { NS_PER_S, toMs } from '../units.js';
import { GATE_OPEN_CAUSES } from '../station/success-rule.js';
import { GATE_OPEN_RATE, PAID_CORRECTLY_RATE } from './metric-names.js';
import type { BackendSeries } from '../backend/backend.js';
import { networkScalars, networkSeries, type NetworkSeries } from './network-result.js';

export interface ReplicationRequest {
  scenario: ResolvedScenario;
  replication: number;
  seed: number;
}

/** Per gateline and interval (row-major: interval × gateline), ready for gates.csv. */
export interface GatelineSeries {
  keys: string[];
  gates: number[];
  intervalNs: number;
  intervals: number;
  arrivals: number[];
  passed: number[];
  taps: number[];
  failedTaps: number[];
  /** Time-average queue of the whole gateline (all its gates), persons. */
  queueMean: number[];
  /** Largest queue of the whole gateline at one instant, persons. */
  queueMax: number[];
  /** Largest queue at any single gate of the gateline, persons. */
  queueMaxPerGate: number[];
  waitMeanS: number[];
  waitP95S: number[];
  waitMaxS: number[];
  fruinClass: number[];
}

export interface ReplicationResult {
  replication: number;
  seed: number;
  /** Scalar metrics (summary.csv columns). */
  metrics: Record<string, number>;
  events: number;
  /** Hex digest of the trace (every tap: time, passenger, cause, duration). */
  fingerprint: string;
  /** FINE sketches (quantile-sketch.ts), canonical plain JSON: merged exactly over replications and shards. */
  sketches: {
    wait: QuantileSketchData;
    transactionTime: QuantileSketchData;
    tapLatency: Record<string, QuantileSketchData>;
    /** Time at the gate per visit, "gateline|carrier|band|branch" (station/service-times.ts). */
    serviceTime: Record<string, QuantileSketchData>;
    /** Visits of passengers who had queued, per gateline key: the saturated cycles. */
    serviceTimeQueued: Record<string, QuantileSketchData>;
  };
  gatelines: GatelineSeries;
  /** Backend time series (backend.csv). */
  backend: BackendSeries;
  transactions: TransactionColumns | null;
  /** Lines and trains (network.csv, line-load.csv); only with origin–destination travel. */
  network?: NetworkSeries;
  /**
   * The replication's rows of transactions.csv, gates.csv and backend.csv, already formatted as
   * UTF-8 chunks by the worker (report/replication-csv.ts), when the task asked for them; the
   * transaction log then stays in the worker (`transactions` is null).
   */
  csv?: ReplicationCsvChunks;
}

/** Formatted CSV rows of one replication, per file, in order (no header). */
export interface ReplicationCsvChunks {
  transactions: Uint8Array[] | null;
  gates: Uint8Array[];
  backend: Uint8Array[];
}

export function runReplication(req: ReplicationRequest, onProgress?: (simTimeNs: number, events: number) => void): ReplicationResult {
  const cfg = buildWorld(req.scenario);
  const state = buildWorldState(cfg, req.seed, req.replication);
  const { kernel } = state;
  const slices = 200;
  let nextEdgeNs = cfg.intervalNs;
  for (let i = 1; i <= slices; i++) {
    const untilNs = (cfg.durationNs * i) / slices;
    // Conservation holds at every instant: checked at every interval edge and every progress slice.
    for (; nextEdgeNs < untilNs; nextEdgeNs += cfg.intervalNs) {
      kernel.run(nextEdgeNs);
      checkConservation(state, req);
    }
    kernel.run(untilNs);
    checkConservation(state, req);
    onProgress?.(kernel.nowNs, kernel.eventCount);
  }
  for (const row of state.gates) for (const g of row) g.flushLevel();
  checkConservation(state, req);
  return {
    replication: req.replication,
    seed: req.seed,
    metrics: scalarMetrics(cfg, state),
    events: kernel.eventCount,
    fingerprint: state.fingerprint.hex(),
    sketches: {
      wait: state.metrics.wait.toData(),
      transactionTime: state.metrics.transactionTime.toData(),
      tapLatency: Object.fromEntries([...state.metrics.tapLatency].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, h]) => [k, h.toData()])),
      serviceTime: state.serviceTimes.toData(),
      serviceTimeQueued: state.serviceTimes.queuedData(),
    },
    gatelines: gatelineSeries(cfg, state),
    backend: state.backend.backendMetrics().series,
    transactions: state.transactions?.columns ?? null,
    ...(state.trips === null ? {} : { network: networkSeries(cfg, state.trips) }),
  };
}

/**
 * arrived = passed + walking + queued + in service + abandoned (balked, service desk) + in the
 * network (walking to or between platforms + on platforms, left behind included + in trains), or
 * the replication fails loudly.
 */
function checkConservation(state: WorldState, req: ReplicationRequest): void {
  const { arrived, walking, passed, abandoned, inNetwork } = state.census;
  const { queued, inService } = inSystem(state);
  const t = state.trips;
  const networkParts = t === null ? 0 : t.counts.walkingInNetwork + t.service.waiting + t.service.riding;
  if (arrived !== passed + walking + queued + inService + abandoned + inNetwork || inNetwork !== networkParts) {
    const network = t === null ? '' : ` + in the network ${inNetwork} (walking ${t.counts.walkingInNetwork}, on platforms ${t.service.waiting}, in trains ${t.service.riding})`;
    throw new Error(
      `replication ${req.replication} (seed ${req.seed}): passenger conservation broken at ${state.kernel.nowNs / NS_PER_S} s: arrived ${arrived} ≠ passed ${passed} + walking ${walking} + queued ${queued} + in service ${inService} + abandoned ${abandoned}${network}`,
    );
  }
}

function scalarMetrics(cfg: WorldConfig, state: WorldState): Record<string, number> {
  const network = state.trips === null ? {} : networkScalars(cfg, state.trips);
  return { ...passengerAndTapMetrics(cfg, state), ...rateMetrics(cfg, state), ...gatelinePeaks(cfg, state), ...backendScalars(state), ...network };
}

/** Passenger counts, taps, waits, times and gate use (summary.csv columns, in this order). */
function passengerAndTapMetrics(cfg: WorldConfig, state: WorldState): Record<string, number> {
  const m = state.metrics;
  const measuredS = (cfg.durationNs - cfg.warmupNs) / NS_PER_S;
  const gateCount = state.gates.reduce((n, row) => n + row.length, 0);
  let busyNs = 0;
  for (const row of state.gates) for (const g of row) busyNs += g.busyNs;
  const { queued, inService } = inSystem(state);
  let gateOpenTaps = 0;
  for (const cause of GATE_OPEN_CAUSES) gateOpenTaps += m.causeCount(cause);
  const per10k = (x: number): number => (m.taps > 0 ? (x / m.taps) * 1e4 : 0);
  const out: Record<string, number> = {
    passengers_arrived: m.arrived,
    passengers_exiting: m.exits,
    passengers_passed: m.passed,
    passengers_balked: m.balked,
    passengers_service_desk: m.serviceDesk,
    passengers_in_system_end: queued + inService + state.census.walking + state.census.inNetwork,
    fallback_other_gate: m.fallbackOtherGate,
    fallback_qr: m.fallbackQr,
    taps: m.taps,
    taps_per_passenger: m.passed > 0 ? m.taps / m.passed : 0,
    [GATE_OPEN_RATE]: m.taps > 0 ? gateOpenTaps / m.taps : 0,
    [PAID_CORRECTLY_RATE]: m.taps > 0 ? m.causeCount('ok') / m.taps : 0,
    wrong_gate_per_10k_taps: per10k(m.causeCount('wrong-gate')),
    wrong_card_per_10k_taps: per10k(m.causeCount('wrong-card')),
    collision_per_10k_taps: per10k(m.causeCount('collision')),
    wait_mean_s: m.wait.mean,
    wait_p50_s: m.wait.quantile(0.5),
    wait_p95_s: m.wait.quantile(0.95),
    wait_p99_s: m.wait.quantile(0.99),
    wait_max_s: m.wait.count > 0 ? m.wait.max : NaN,
    time_in_system_p95_s: m.timeInSystem.quantile(0.95),
    transaction_time_p50_ms: m.transactionTime.quantile(0.5) * 1e3,
    transaction_time_p95_ms: m.transactionTime.quantile(0.95) * 1e3,
    tap_to_open_p50_ms: m.tapToOpen.quantile(0.5) * 1e3,
    tap_to_open_p95_ms: m.tapToOpen.quantile(0.95) * 1e3,
    throughput_ppm_per_gate: gateCount > 0 && measuredS > 0 ? m.passed / gateCount / (measuredS / 60) : 0,
    gate_utilisation: gateCount > 0 ? busyNs / gateCount / cfg.durationNs : 0,
  };
  for (const cause of TAP_CAUSES) out[`cause_${cause.replace(/-/g, '_')}`] = m.causeCount(cause);
  return out;
}

/** Paid-correctly rates per band and per carrier, and latency percentiles per carrier and band. */
/**
 * The radio bands always have their paid-correctly column (NaN when unused); a reference band
 * (ideal) only in scenarios whose readers serve it, so other scenarios' columns stay as they were.
 */
function rateBands(cfg: WorldConfig): Band[] {
  const served = new Set(cfg.pairs.flatMap((row) => row.map((pair) => pair.band)));
  return BAND_MODELS.filter((b) => !b.reference || served.has(b.id)).map((b) => b.id);
}

function rateMetrics(cfg: WorldConfig, state: WorldState): Record<string, number> {
  const m = state.metrics;
  const out: Record<string, number> = {};
  for (const band of rateBands(cfg)) {
    const taps = m.tapsOn(band);
    const ok = m.causeCount('ok', band);
    out[`${PAID_CORRECTLY_RATE}_${bandShort(band)}`] = taps > 0 ? ok / taps : NaN;
  }
  for (const [carrier, c] of [...m.carrierTaps].sort(([a], [b]) => (a < b ? -1 : 1))) out[`${PAID_CORRECTLY_RATE}_carrier_${carrier}`] = c.taps > 0 ? c.ok / c.taps : NaN;
  for (const [key, h] of [...m.tapLatency].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [carrier, band] = key.split('|') as [string, Band];
    out[`latency_p50_ms_${carrier}_${bandShort(band)}`] = h.quantile(0.5) * 1e3;
    out[`latency_p95_ms_${carrier}_${bandShort(band)}`] = h.quantile(0.95) * 1e3;
  }
  return out;
}

/** The busiest interval of any gateline after warm-up, and the worst Fruin class over all intervals. */
function gatelinePeaks(cfg: WorldConfig, state: WorldState): Record<string, number> {
  let peakPpm = 0;
  state.gatelines.forEach((gm, li) => {
    const gates = cfg.gatelines[li]!.gates;
    for (let k = 0; k < gm.series.intervals; k++) {
      const spanMin = Math.min(cfg.intervalNs, cfg.durationNs - k * cfg.intervalNs) / 60e9;
      if (spanMin > 0 && k * cfg.intervalNs >= cfg.warmupNs) peakPpm = Math.max(peakPpm, gm.series.get(k, GL.passed) / gates / spanMin);
    }
  });
  let worstClass = 0;
  state.gatelines.forEach((gm, li) => {
    const area = cfg.gatelines[li]!.queueAreaM2;
    for (let k = 0; k < gm.series.intervals; k++) worstClass = Math.max(worstClass, fruinQueueingClass(gm.series.get(k, GL.queueMax), area));
  });
  return { throughput_peak_ppm_per_gate: peakPpm, fruin_worst_class: worstClass };
}

/** Authorisation as the gates saw it, and the backend's totals and peaks. */
function backendScalars(state: WorldState): Record<string, number> {
  const m = state.metrics;
  const b = state.backend.backendMetrics();
  const t = b.totals;
  return {
    auth_p50_ms: state.authorisation.quantile(0.5) * 1e3,
    auth_p95_ms: state.authorisation.quantile(0.95) * 1e3,
    auth_declined: m.declinedByHost,
    host_online_requests: t.online,
    host_p99_ms: t.online > 0 ? toMs(t.responseP99Ns) : NaN,
    host_utilisation_peak: b.series.hostUtilisation.reduce((a, x) => (Number.isFinite(x) && x > a ? x : a), 0),
    host_tps_peak: b.series.servedTps.reduce((a, x) => (Number.isFinite(x) && x > a ? x : a), 0),
    online_timeouts: t.timedOut,
    online_retries: t.retries,
    online_duplicates: t.duplicates,
    offline_accepted: t.offlineAccepted,
    offline_accepted_value_cents: t.offlineAcceptedValueCents,
    deferred_backlog_max: t.backlogMax,
    deferred_oldest_age_max_s: t.oldestAgeMaxNs / NS_PER_S,
  };
}

function gatelineSeries(cfg: WorldConfig, state: WorldState): GatelineSeries {
  const first = state.gatelines[0];
  const intervals = first?.series.intervals ?? 0;
  const s: GatelineSeries = {
    keys: cfg.gatelines.map((g) => g.key),
    gates: cfg.gatelines.map((g) => g.gates),
    intervalNs: cfg.intervalNs,
    intervals,
    arrivals: [], passed: [], taps: [], failedTaps: [], queueMean: [], queueMax: [], queueMaxPerGate: [], waitMeanS: [], waitP95S: [], waitMaxS: [], fruinClass: [],
  };
  for (let k = 0; k < intervals; k++) {
    const spanNs = Math.min(cfg.intervalNs, cfg.durationNs - k * cfg.intervalNs);
    state.gatelines.forEach((gm, li) => {
      const get = (ch: number): number => gm.series.get(k, ch);
      const waits = get(GL.waitCount);
      s.arrivals.push(get(GL.arrivals));
      s.passed.push(get(GL.passed));
      s.taps.push(get(GL.taps));
      s.failedTaps.push(get(GL.failedTaps));
      s.queueMean.push(spanNs > 0 ? get(GL.queueAreaPersonNs) / spanNs : 0);
      s.queueMax.push(get(GL.queueMax));
      s.queueMaxPerGate.push(get(GL.queueMaxPerGate));
      s.waitMeanS.push(waits > 0 ? get(GL.waitSumS) / waits : NaN);
      s.waitP95S.push(waits > 0 ? gm.waitP95S(k) : NaN);
      s.waitMaxS.push(waits > 0 ? get(GL.waitMaxS) : NaN);
      s.fruinClass.push(fruinQueueingClass(get(GL.queueMax), cfg.gatelines[li]!.queueAreaM2));
    });
  }
  return s;
}
