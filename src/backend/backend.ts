/**
 * The payment backend as a library for the gate / POS model (FACTS §9): terminals, station
 * FEPs, wide-area links, one or more hosts behind a router, and the authorisation modes.
 *
 * Topology (per station i, per channel h):
 *   terminal —LAN (lanOneWayNs)→ FEP_i (queue) —link(i, h) (RTT/2, loss, outages)→ host_h (M/G/c)
 *   and back the same way (the FEP does not serve responses). The FEP sits at the station, so
 *   a link outage also stops its deferred-record uploads (the backlog grows, then drains).
 *
 * Modes:
 * - online: the terminal waits for the host's answer up to `timeoutNs`; on a timeout it retries
 *   (at most `maxRetries`, after a backoff growing by `retryBackoffMultiplier`) with the same
 *   request id. A response from any attempt is accepted while the request is open (idempotent
 *   id); later ones count as `lateResponses`. After the final timeout the fallback applies:
 *   'deny', or 'accept-offline' for valueCents ≤ floorLimitCents (approved, offlineAccepted,
 *   cause 'timeout'; the record queues at the FEP for batch upload like a deferred one).
 *   A full FEP or host queue answers 'overload'; the issuer declines with
 *   `declineProbability` ('declined'). Neither is retried.
 * - idempotency: the host decides a request once; an attempt it processes after that gets the
 *   stored decision, is never charged again, and counts as a duplicate. The state lives with
 *   the open request (what a host's idempotency table with a TTL would hold), so memory is
 *   bounded by requests in flight.
 * - deferred: approved after the local check time (`localCheckS`), then the record queues at
 *   the FEP (FACTS §9.2: transit never blocks the gate on the host).
 * - risk-based: online when valueCents > onlineAboveCents or with probability
 *   sampleProbability, otherwise deferred.
 * - retail routing: each request picks a channel (bank card network, wallets…) by share with
 *   the seeded 'router' stream; retries stay on that channel.
 *
 * Every random draw comes from `rngFor(key)` with a stable key: 'router', 'risk',
 * 'host:<id>', 'decline:<id>', 'fep:<i>', 'link:<i>:<id>', 'terminal'.
 */
import type { Kernel } from '../kernel/kernel.js';
import { TimeWeighted } from '../observe/time-weighted.js';
import { lognormalFromMedianPercentile, sample, type Distribution } from '../random/distributions.js';
import type { RandomStream } from '../random/stream.js';
import { NS_PER_S, ms, s } from '../units.js';
import { Fep, type FepParams, type FepStats } from './fep.js';
import { HostQueue, type HostParams, type HostStats } from './host.js';
import { IntervalCounter, IntervalHistograms } from './interval-series.js';
import { LogHistogram, NANOSECONDS_SPEC, type LogHistogramData } from '../observe/log-histogram.js';
import { LINK_PRESETS, LOST, NetworkLink, type LinkParams, type LinkStats } from './network.js';

// ---------------------------------------------------------------------------------------------
// Parameters

export interface TerminalParams {
  /** Wait for the host per attempt, ns. */
  timeoutNs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Wait before the first retry, ns. */
  retryBackoffNs: number;
  /** Backoff multiplier per further retry. */
  retryBackoffMultiplier: number;
  /** After the final timeout. */
  fallback: 'deny' | 'accept-offline';
  /** Offline acceptance limit for the 'accept-offline' fallback, cents. */
  floorLimitCents: number;
  /** Local check time of a deferred (offline) approval, seconds. */
  localCheckS: Distribution;
  /** Terminal ↔ FEP one-way delay, ns. */
  lanOneWayNs: number;
}

export interface RiskParams {
  /** Risk-based mode goes online above this value, cents. */
  onlineAboveCents: number;
  /** …and at or below it with this probability. */
  sampleProbability: number;
}

export interface ChannelParams {
  id: string;
  /** Share of requests routed here (normalised over channels). */
  share: number;
  host: HostParams;
  /** The channel's own link; default: the station's link (stationLinks[i] ?? link). */
  link?: LinkParams;
}

export interface BackendParams {
  /** Length of one interval of the metric series, ns. */
  intervalNs: number;
  terminal: TerminalParams;
  risk: RiskParams;
  fep: FepParams;
  /** Default station ↔ host link. */
  link: LinkParams;
  /** Per-station link overrides, by station index. */
  stationLinks?: readonly (LinkParams | undefined)[];
  /** Hosts behind the router; at least one. */
  channels: readonly ChannelParams[];
  /** Channel that receives deferred-record batches; default the first. */
  recordChannelId?: string;
}

function lognormalMedianSigma(medianS: number, sigma: number): Distribution {
  return { kind: 'lognormal', mu: Math.log(medianS), sigma };
}

/** The central acquirer / transit host. */
export const DEFAULT_HOST: HostParams = {
  servers: 2000, // [E] FACTS §9.1: ≈ 8 800 tps at the default service time; UnionPay peaks > 44 000 tps [S] S77 are whole-network
  // [E] FACTS §9.2: authorisation round trip median 150–250 ms (middle 200 ms), log-normal tail
  // (σ 0.5 → mean 227 ms, cf. UnionPay's 220 ms average [S] S77).
  serviceS: lognormalMedianSigma(0.2, 0.5),
  queueCapacity: 100_000, // [E] FACTS §9 gives none
  kneeUtilisation: 0.8, // [E] FACTS §9 gives none
  slowdownSlope: 2, // [E] FACTS §9 gives none (service × 1.4 at full load)
  utilisationWindowNs: s(10), // [E] FACTS §9 gives none
  declineProbability: 0, // [E] FACTS §9 gives no decline rate
};

export const DEFAULT_FEP: FepParams = {
  servers: 4, // [E] FACTS §9 gives none
  serviceS: { kind: 'exponential', mean: 0.002 }, // [E] FACTS §9 gives none (2 ms per message)
  queueCapacity: 1000, // [E]
  batchIntervalNs: s(60), // [E] FACTS §9.1 says records upload in batch [S] S89, not how often
  maxBatchRecords: 10_000, // [E]
  recordServiceNs: ms(0.5), // [E] host work per uploaded record
  batchTimeoutNs: s(30), // [E]
};

export const DEFAULT_TERMINAL: TerminalParams = {
  // [E] FACTS §9.2: a transit gate cannot wait for the issuer; 1 s. (POS issuer limit is 10 s,
  // Europe 5 s [S] S76 — see DEFAULT_RETAIL_BACKEND.)
  timeoutNs: s(1),
  maxRetries: 1, // [E]
  retryBackoffNs: ms(100), // [E]
  retryBackoffMultiplier: 2, // [E]
  fallback: 'accept-offline', // [E] FACTS §9.2 "never block the gate on the host"
  floorLimitCents: 1000, // [E] FACTS §9 gives no floor limit
  localCheckS: { kind: 'constant', value: 0.005 }, // [E] local (PSAM / list) check after the card exchange
  lanOneWayNs: ms(1), // [E]
};

export const DEFAULT_RISK: RiskParams = {
  onlineAboveCents: 2000, // [E]
  sampleProbability: 0.05, // [E]
};

/** Transit defaults: one transit/acquirer host, fibre links. */
export const DEFAULT_BACKEND: BackendParams = {
  intervalNs: s(60), // reporting choice, not a domain number
  terminal: DEFAULT_TERMINAL,
  risk: DEFAULT_RISK,
  fep: DEFAULT_FEP,
  link: LINK_PRESETS.fibre, // [E] FACTS §9.1 (network.ts)
  channels: [{ id: 'acquirer', share: 1, host: DEFAULT_HOST }],
};

/** Retail POS routing example: a bank card network and two wallets. */
export const RETAIL_CHANNELS: readonly ChannelParams[] = [
  { id: 'bank-card-network', share: 0.5 /* [E] */, host: DEFAULT_HOST },
  {
    id: 'wallet-a',
    share: 0.3, // [E]
    // Huabei payment latency average 0.035 s [S] S83 (FACTS §9.1): log-normal σ 0.5 [E] with that mean.
    host: { ...DEFAULT_HOST, servers: 1000 /* [E] */, serviceS: lognormalMedianSigma(0.035 / Math.exp(0.125), 0.5) },
  },
  {
    id: 'wallet-b',
    share: 0.2, // [E]
    host: { ...DEFAULT_HOST, servers: 500 /* [E] */, serviceS: (() => { const { mu, sigma } = lognormalFromMedianPercentile(0.1, 0.3, 0.95); return { kind: 'lognormal', mu, sigma } as const; })() /* [E] */ },
  },
];

export const DEFAULT_RETAIL_BACKEND: BackendParams = {
  ...DEFAULT_BACKEND,
  // POS issuer response limit 10 s [S] S76 (FACTS §9.1); STIP is modelled as the fallback policy.
  terminal: { ...DEFAULT_TERMINAL, timeoutNs: s(10), fallback: 'deny' /* [E] */ },
  link: LINK_PRESETS['4g'], // [E] FACTS §9.1
  channels: RETAIL_CHANNELS,
};

// ---------------------------------------------------------------------------------------------
// Requests, results, metrics

export type AuthMode = 'online' | 'deferred' | 'risk-based';

export interface AuthRequest {
  mode: AuthMode;
  valueCents: number;
  requestId: number;
}

export type AuthCause = 'ok' | 'timeout' | 'declined' | 'overload';

export interface AuthResult {
  approved: boolean;
  offlineAccepted: boolean;
  /** From the authorise call to this result, ns. */
  responseNs: number;
  cause: AuthCause;
}

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
  response: LogHistogramData;
}

export interface BackendSeries {
  intervalNs: number;
  /** Raw per-interval sums (mergeable). */
  offered: number[];
  resolved: number[];
  hostArrivals: number[];
  hostCompletions: number[];
  hostBusyServerNs: number[];
  hostQueueJobNs: number[];
  backlogRecordNs: number[];
  responseHist: LogHistogramData[];
  /** Servers over all hosts (for utilisation). */
  hostServers: number;
  /** Derived: authorise calls /s, host completions /s, busy fraction, mean host queue, mean total backlog, p99 online response (s, NaN if none). */
  offeredTps: number[];
  servedTps: number[];
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

export interface Backend {
  authorise(stationIndex: number, request: AuthRequest, done: (result: AuthResult) => void): void;
  backendMetrics(): BackendMetrics;
  readonly hosts: readonly HostQueue[];
  readonly feps: readonly Fep[];
}

// ---------------------------------------------------------------------------------------------
// Implementation

const DECISION_NONE = 0;
const DECISION_APPROVE = 1;
const DECISION_DECLINE = 2;

interface Channel {
  id: string;
  host: HostQueue;
  declineProbability: number;
  declineRng: RandomStream;
  links: NetworkLink[];
}

interface OnlineRequest {
  stationIndex: number;
  valueCents: number;
  startNs: number;
  channel: Channel;
  link: NetworkLink;
  attempt: number;
  open: boolean;
  decision: number;
  approvedAtTerminal: boolean;
  done: (result: AuthResult) => void;
}

function emptyTotals(): Omit<BackendTotals, 'response' | 'responseP50Ns' | 'responseP99Ns' | 'backlogNow' | 'backlogMax' | 'stationBacklogMax' | 'oldestAgeMaxNs' | 'oldestAgeNowNs' | 'recordsQueued' | 'recordsUploaded' | 'batches' | 'batchFailures'> {
  return {
    offered: 0, online: 0, deferred: 0, riskOnline: 0, riskDeferred: 0,
    ok: 0, declined: 0, overload: 0, timedOut: 0, inFlight: 0, approved: 0,
    attempts: 0, attemptTimeouts: 0, retries: 0, duplicates: 0, lateResponses: 0,
    charged: 0, chargedValueCents: 0, chargedNotApproved: 0,
    offlineAccepted: 0, offlineAcceptedValueCents: 0, fallbackDenied: 0,
  };
}

function validate(params: BackendParams, stationCount: number): void {
  if (!Number.isInteger(stationCount) || stationCount < 1) throw new RangeError(`backend: stationCount must be an integer ≥ 1, got ${stationCount}`);
  if (params.channels.length === 0) throw new RangeError('backend: at least one channel is needed');
  if (!(params.intervalNs > 0)) throw new RangeError(`backend: intervalNs must be > 0, got ${params.intervalNs}`);
  const t = params.terminal;
  if (!(t.timeoutNs > 0)) throw new RangeError(`backend: terminal.timeoutNs must be > 0, got ${t.timeoutNs}`);
  if (!Number.isInteger(t.maxRetries) || t.maxRetries < 0) throw new RangeError(`backend: terminal.maxRetries must be an integer ≥ 0`);
  const ids = new Set<string>();
  for (const c of params.channels) {
    if (ids.has(c.id)) throw new RangeError(`backend: duplicate channel id '${c.id}'`);
    ids.add(c.id);
    if (!(c.share >= 0)) throw new RangeError(`backend: channel '${c.id}' share must be ≥ 0`);
  }
  if (!params.channels.some((c) => c.share > 0)) throw new RangeError('backend: channel shares sum to 0');
  if (params.recordChannelId !== undefined && !ids.has(params.recordChannelId)) throw new RangeError(`backend: unknown recordChannelId '${params.recordChannelId}'`);
}

export function createBackend(
  kernel: Kernel,
  params: BackendParams,
  rngFor: (key: string) => RandomStream,
  stationCount: number,
): Backend {
  validate(params, stationCount);
  const intervalNs = params.intervalNs;
  const term = params.terminal;
  const lanNs = term.lanOneWayNs;

  const channels: Channel[] = params.channels.map((c) => ({
    id: c.id,
    host: new HostQueue(kernel, c.host, rngFor(`host:${c.id}`), intervalNs),
    declineProbability: c.host.declineProbability,
    declineRng: rngFor(`decline:${c.id}`),
    links: Array.from({ length: stationCount }, (_, i) =>
      new NetworkLink(c.link ?? params.stationLinks?.[i] ?? params.link, rngFor(`link:${i}:${c.id}`))),
  }));
  const shareTotal = params.channels.reduce((sum, c) => sum + c.share, 0);
  const cumulativeShare: number[] = [];
  {
    let acc = 0;
    for (const c of params.channels) cumulativeShare.push((acc += c.share / shareTotal));
  }
  const routerRng = rngFor('router');
  const riskRng = rngFor('risk');
  const terminalRng = rngFor('terminal');
  const recordChannel = channels.find((c) => c.id === params.recordChannelId) ?? (channels[0] as Channel);

  const totals = emptyTotals();
  const offeredSeries = new IntervalCounter(intervalNs);
  const resolvedSeries = new IntervalCounter(intervalNs);
  const responseSeries = new IntervalHistograms(intervalNs);
  const response = new LogHistogram(NANOSECONDS_SPEC);
  const totalBacklog = new TimeWeighted(kernel.nowNs);
  let backlogCount = 0;
  const onBacklogChange = (delta: number): void => {
    backlogCount += delta;
    totalBacklog.set(kernel.nowNs, backlogCount);
  };

  const feps: Fep[] = Array.from({ length: stationCount }, (_, i) => {
    const link = recordChannel.links[i] as NetworkLink;
    const host = recordChannel.host;
    const fepParams = params.fep;
    const uploader = (records: number, onResult: (ok: boolean) => void): void => {
      const sendNs = kernel.nowNs;
      const giveUpNs = sendNs + fepParams.batchTimeoutNs;
      const fail = (): void => {
        kernel.scheduleAt(Math.max(kernel.nowNs, giveUpNs), () => onResult(false));
      };
      const upNs = link.oneWayNs(sendNs);
      if (upNs === LOST) return fail();
      kernel.schedule(upNs, () => {
        host.submit((served) => {
          const downNs = link.oneWayNs(kernel.nowNs);
          if (downNs === LOST) return fail();
          kernel.schedule(downNs, () => onResult(served));
        }, records * fepParams.recordServiceNs);
      });
    };
    return new Fep(kernel, fepParams, rngFor(`fep:${i}`), uploader, intervalNs, onBacklogChange);
  });

  const pickChannel = (): Channel => {
    if (channels.length === 1) return channels[0] as Channel;
    const u = routerRng.next01();
    for (let k = 0; k < channels.length - 1; k++) if (u < (cumulativeShare[k] as number)) return channels[k] as Channel;
    return channels[channels.length - 1] as Channel;
  };

  const resolve = (req: OnlineRequest | null, startNs: number, done: (r: AuthResult) => void, cause: AuthCause, approved: boolean, offlineAccepted: boolean, online: boolean): void => {
    const now = kernel.nowNs;
    const responseNs = now - startNs;
    totals.inFlight--;
    if (cause === 'timeout') totals.timedOut++;
    else totals[cause]++;
    if (approved) totals.approved++;
    resolvedSeries.add(now);
    if (online) {
      response.add(responseNs);
      responseSeries.record(now, responseNs);
    }
    if (req !== null) {
      req.open = false;
      req.approvedAtTerminal = approved;
    }
    done({ approved, offlineAccepted, responseNs, cause });
  };

  /** A response (host decision or overload) reaches the terminal. */
  const deliver = (req: OnlineRequest, cause: AuthCause): void => {
    if (!req.open) {
      totals.lateResponses++;
      return;
    }
    resolve(req, req.startNs, req.done, cause, cause === 'ok', false, true);
  };

  const hostDone = (req: OnlineRequest, served: boolean): void => {
    let cause: AuthCause;
    if (!served) cause = 'overload';
    else {
      if (req.decision === DECISION_NONE) {
        const decline = req.channel.declineProbability > 0 && req.channel.declineRng.next01() < req.channel.declineProbability;
        req.decision = decline ? DECISION_DECLINE : DECISION_APPROVE;
        if (!decline) {
          totals.charged++;
          totals.chargedValueCents += req.valueCents;
          if (!req.open && !req.approvedAtTerminal) totals.chargedNotApproved++;
        }
      } else totals.duplicates++;
      cause = req.decision === DECISION_APPROVE ? 'ok' : 'declined';
    }
    const downNs = req.link.oneWayNs(kernel.nowNs);
    if (downNs === LOST) return;
    kernel.schedule(downNs + lanNs, () => deliver(req, cause));
  };

  const sendAttempt = (req: OnlineRequest): void => {
    const k = ++req.attempt;
    totals.attempts++;
    const fep = feps[req.stationIndex] as Fep;
    kernel.schedule(lanNs, () => {
      fep.process((accepted) => {
        if (!accepted) {
          kernel.schedule(lanNs, () => deliver(req, 'overload'));
          return;
        }
        const upNs = req.link.oneWayNs(kernel.nowNs);
        if (upNs === LOST) return;
        kernel.schedule(upNs, () => req.channel.host.submit((served) => hostDone(req, served)));
      });
    });
    kernel.schedule(term.timeoutNs, () => attemptTimedOut(req, k));
  };

  const attemptTimedOut = (req: OnlineRequest, k: number): void => {
    if (!req.open || req.attempt !== k) return;
    totals.attemptTimeouts++;
    if (k <= term.maxRetries) {
      totals.retries++;
      const backoffNs = term.retryBackoffNs * term.retryBackoffMultiplier ** (k - 1);
      kernel.schedule(backoffNs, () => {
        if (req.open) sendAttempt(req);
      });
      return;
    }
    if (term.fallback === 'accept-offline' && req.valueCents <= term.floorLimitCents) {
      totals.offlineAccepted++;
      totals.offlineAcceptedValueCents += req.valueCents;
      resolve(req, req.startNs, req.done, 'timeout', true, true, true);
      (feps[req.stationIndex] as Fep).addRecord();
    } else {
      totals.fallbackDenied++;
      if (req.decision === DECISION_APPROVE) totals.chargedNotApproved++;
      resolve(req, req.startNs, req.done, 'timeout', false, false, true);
    }
  };

  const goOnline = (stationIndex: number, valueCents: number, done: (r: AuthResult) => void): void => {
    totals.online++;
    const channel = pickChannel();
    const req: OnlineRequest = {
      stationIndex, valueCents, startNs: kernel.nowNs, channel, link: channel.links[stationIndex] as NetworkLink,
      attempt: 0, open: true, decision: DECISION_NONE, approvedAtTerminal: false, done,
    };
    sendAttempt(req);
  };

  const goDeferred = (stationIndex: number, done: (r: AuthResult) => void): void => {
    totals.deferred++;
    const startNs = kernel.nowNs;
    const checkNs = Math.max(0, sample(terminalRng, term.localCheckS) * NS_PER_S);
    kernel.schedule(checkNs, () => {
      resolve(null, startNs, done, 'ok', true, false, false);
      (feps[stationIndex] as Fep).addRecord();
    });
  };

  const authorise = (stationIndex: number, request: AuthRequest, done: (result: AuthResult) => void): void => {
    if (!(stationIndex >= 0 && stationIndex < stationCount) || !Number.isInteger(stationIndex)) {
      throw new RangeError(`backend: station index ${stationIndex} outside 0..${stationCount - 1}`);
    }
    totals.offered++;
    totals.inFlight++;
    offeredSeries.add(kernel.nowNs);
    switch (request.mode) {
      case 'online':
        goOnline(stationIndex, request.valueCents, done);
        return;
      case 'deferred':
        goDeferred(stationIndex, done);
        return;
      case 'risk-based': {
        const online = request.valueCents > params.risk.onlineAboveCents || riskRng.next01() < params.risk.sampleProbability;
        if (online) {
          totals.riskOnline++;
          goOnline(stationIndex, request.valueCents, done);
        } else {
          totals.riskDeferred++;
          goDeferred(stationIndex, done);
        }
        return;
      }
    }
  };

  const backendMetrics = (): BackendMetrics => {
    const now = kernel.nowNs;
    const fepStats: FepStats[] = feps.map((f) => f.stats());
    const sumSeries = (parts: number[][]): number[] => {
      const out: number[] = [];
      for (const p of parts) {
        while (out.length < p.length) out.push(0);
        for (let k = 0; k < p.length; k++) out[k] = (out[k] as number) + (p[k] as number);
      }
      return out;
    };
    const raw = {
      intervalNs,
      offered: offeredSeries.snapshot(now),
      resolved: resolvedSeries.snapshot(now),
      hostArrivals: sumSeries(channels.map((c) => c.host.arrivalsByInterval.snapshot(now))),
      hostCompletions: sumSeries(channels.map((c) => c.host.completionsByInterval.snapshot(now))),
      hostBusyServerNs: sumSeries(channels.map((c) => c.host.busyByInterval.snapshot(now))),
      hostQueueJobNs: sumSeries(channels.map((c) => c.host.queueByInterval.snapshot(now))),
      backlogRecordNs: sumSeries(feps.map((f) => f.backlogByInterval.snapshot(now))),
      responseHist: responseSeries.snapshot(now),
      hostServers: channels.reduce((sum, c) => sum + c.host.params.servers, 0),
    };
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
    const linkStats = (c: Channel): LinkStats => {
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
    };
    return {
      nowNs: now,
      totals: {
        ...totals,
        recordsQueued, recordsUploaded, batches, batchFailures,
        backlogNow: backlogCount,
        backlogMax: totalBacklog.max,
        stationBacklogMax,
        oldestAgeMaxNs,
        oldestAgeNowNs,
        responseP50Ns: response.quantile(0.5),
        responseP99Ns: response.quantile(0.99),
        response: response.toData(),
      },
      series: deriveSeries(raw),
      channels: channels.map((c) => ({ id: c.id, host: c.host.stats(), link: linkStats(c) })),
      stations: fepStats.map((f) => ({ backlog: f.backlog, backlogMax: f.backlogMax, oldestAgeMaxNs: f.oldestAgeMaxNs, fepRejected: f.queue.rejected })),
    };
  };

  return { authorise, backendMetrics, hosts: channels.map((c) => c.host), feps };
}

type RawSeries = Omit<BackendSeries, 'offeredTps' | 'servedTps' | 'hostUtilisation' | 'hostQueueMean' | 'backlogMean' | 'p99ResponseS'>;

/** Compute the derived series from the raw sums. */
export function deriveSeries(raw: RawSeries): BackendSeries {
  const perS = NS_PER_S / raw.intervalNs;
  return {
    ...raw,
    offeredTps: raw.offered.map((n) => n * perS),
    servedTps: raw.hostCompletions.map((n) => n * perS),
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
  const merged = LogHistogram.mergeData(ta.response, tb.response);
  const sumKeys = [
    'offered', 'online', 'deferred', 'riskOnline', 'riskDeferred', 'ok', 'declined', 'overload', 'timedOut', 'inFlight', 'approved',
    'attempts', 'attemptTimeouts', 'retries', 'duplicates', 'lateResponses', 'charged', 'chargedValueCents', 'chargedNotApproved',
    'offlineAccepted', 'offlineAcceptedValueCents', 'fallbackDenied', 'recordsQueued', 'recordsUploaded', 'batches', 'batchFailures', 'backlogNow',
  ] as const;
  const maxKeys = ['backlogMax', 'stationBacklogMax', 'oldestAgeMaxNs', 'oldestAgeNowNs'] as const;
  const totals: BackendTotals = { ...ta, response: merged };
  for (const k of sumKeys) totals[k] = ta[k] + tb[k];
  for (const k of maxKeys) totals[k] = Math.max(ta[k], tb[k]);
  const histQ = LogHistogram.fromData(merged);
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
