/**
 * The backend's parameters (terminal, risk-based routing, FEP, links, channels) and their
 * defaults, with the check that a parameter set is usable (`validateBackendParams`).
 */
import { lognormalFromMedianPercentile, type Distribution } from '../random/distributions.js';
import { ms, s } from '../units.js';
import type { FepParams } from './fep.js';
import type { HostParams } from './host.js';
import { LINK_PRESETS, type LinkParams } from './network.js';

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
  servers: 2000, // [E] docs/sources.md#f9-1: ≈ 8 800 tps at the default service time; UnionPay peaks > 44 000 tps [S] S77 are whole-network
  // [E] docs/sources.md#f9-2: authorisation round trip median 150–250 ms (middle 200 ms), log-normal tail
  // (σ 0.5 → mean 227 ms, cf. UnionPay's 220 ms average [S] S77).
  serviceS: lognormalMedianSigma(0.2, 0.5),
  queueCapacity: 100_000, // [E] docs/sources.md#f9 gives none
  kneeUtilisation: 0.8, // [E] docs/sources.md#f9 gives none
  slowdownSlope: 2, // [E] docs/sources.md#f9 gives none (service × 1.4 at full load)
  utilisationWindowNs: s(10), // [E] docs/sources.md#f9 gives none
  declineProbability: 0, // [E] docs/sources.md#f9 gives no decline rate
};

export const DEFAULT_FEP: FepParams = {
  servers: 4, // [E] docs/sources.md#f9 gives none
  serviceS: { kind: 'exponential', mean: 0.002 }, // [E] docs/sources.md#f9 gives none (2 ms per message)
  queueCapacity: 1000, // [E]
  batchIntervalNs: s(60), // [E] docs/sources.md#f9-1 says records upload in batch [S] S89, not how often
  maxBatchRecords: 10_000, // [E]
  recordServiceNs: ms(0.5), // [E] host work per uploaded record
  batchTimeoutNs: s(30), // [E]
};

export const DEFAULT_TERMINAL: TerminalParams = {
  // [E] docs/sources.md#f9-2: a transit gate cannot wait for the issuer; 1 s. (POS issuer limit is 10 s,
  // Europe 5 s [S] S76 — see DEFAULT_RETAIL_BACKEND.)
  timeoutNs: s(1),
  maxRetries: 1, // [E]
  retryBackoffNs: ms(100), // [E]
  retryBackoffMultiplier: 2, // [E]
  fallback: 'accept-offline', // [E] docs/sources.md#f9-2 "never block the gate on the host"
  floorLimitCents: 1000, // [E] docs/sources.md#f9 gives no floor limit
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
  link: LINK_PRESETS.fibre, // [E] docs/sources.md#f9-1 (network.ts)
  channels: [{ id: 'acquirer', share: 1, host: DEFAULT_HOST }],
};

/** Retail POS routing example: a bank card network and two wallets. */
export const RETAIL_CHANNELS: readonly ChannelParams[] = [
  { id: 'bank-card-network', share: 0.5 /* [E] */, host: DEFAULT_HOST },
  {
    id: 'wallet-a',
    share: 0.3, // [E]
    // Huabei payment latency average 0.035 s [S] S83 (docs/sources.md#f9-1): log-normal σ 0.5 [E] with that mean.
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
  // POS issuer response limit 10 s [S] S76 (docs/sources.md#f9-1); STIP is modelled as the fallback policy.
  terminal: { ...DEFAULT_TERMINAL, timeoutNs: s(10), fallback: 'deny' /* [E] */ },
  link: LINK_PRESETS['4g'], // [E] docs/sources.md#f9-1
  channels: RETAIL_CHANNELS,
};

/** Throws a RangeError naming the first unusable parameter. */
export function validateBackendParams(params: BackendParams, stationCount: number): void {
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
