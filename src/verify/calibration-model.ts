/**
 * The model side of the field-calibration family (docs/validation.md#calibration): small seeded
 * scenarios run through the simulator's own pipeline (schema defaults → buildWorld → runReplication),
 * and the model quantities the published figures are compared with, read from the replications'
 * summary metrics. Nothing here stores a model value: every number is computed when verify runs, so
 * a change of the model (e.g. issue 16's one tap timeline) moves the calibration rows by itself.
 */
import { runReplication } from '../experiment/replication.js';
import { summarize } from '../experiment/stats.js';
import { compileRateExpression } from '../scenario/expression.js';
import { buildScenarioSchema, type ResolvedScenario } from '../scenario/schema.js';
import { createQuantityParser, loadMath } from '../scenario/units.js';
import { VERIFY_SEED } from './simulations.js';

/** The benches: a light stream at one reader (tap latency), or a saturated gate (throughput). */
export type BenchId = 'transit-card' | 'emv-card' | 'mifare-card' | 'saturated-transit-card' | 'saturated-qr';

interface BenchSpec {
  kind: string;
  flow?: string;
  policy: 'emv' | 'transit';
  /** Passengers/hour offered to the one gate. */
  perHour: number;
  saturated: boolean;
}

const BENCHES: Readonly<Record<BenchId, BenchSpec>> = {
  'transit-card': { kind: 'transit-card', policy: 'transit', perHour: 1200, saturated: false },
  'emv-card': { kind: 'emv-card', policy: 'emv', perHour: 1200, saturated: false },
  'mifare-card': { kind: 'transit-card', flow: 'mifare', policy: 'transit', perHour: 1200, saturated: false },
  // Offered well above any plausible capacity of one flap gate (1800/h nominal): the queue never empties.
  'saturated-transit-card': { kind: 'transit-card', policy: 'transit', perHour: 3600, saturated: true },
  'saturated-qr': { kind: 'qr', policy: 'transit', perHour: 3600, saturated: true },
};

/** How long each bench runs; fewer replications and minutes in quick mode. */
export interface CalibrationBudget {
  replications: number;
  /** Light-stream benches: minutes simulated per replication (1200/h → 20 taps a minute). */
  latencyMinutes: number;
  /** Saturated benches: minutes per replication after a 2-minute warm-up. */
  saturatedMinutes: number;
}

export function calibrationBudget(quick: boolean): CalibrationBudget {
  return quick ? { replications: 2, latencyMinutes: 15, saturatedMinutes: 10 } : { replications: 5, latencyMinutes: 60, saturatedMinutes: 30 };
}

const WARMUP_MIN = 2;

/** A scenario document for one bench: one station, one entrance, one flap gate, one carrier, the schema's defaults for everything else. */
export function benchDocument(id: BenchId, budget: CalibrationBudget): Record<string, unknown> {
  const b = BENCHES[id];
  const minutes = b.saturated ? budget.saturatedMinutes + WARMUP_MIN : budget.latencyMinutes;
  return {
    name: `calibration-${id}`,
    seed: VERIFY_SEED,
    duration: `${minutes} min`,
    ...(b.saturated ? { warmup: `${WARMUP_MIN} min` } : {}),
    carriers: [{ id: 'c', kind: b.kind, share: 1, ...(b.flow === undefined ? {} : { flow: b.flow }) }],
    readers: [{ id: 'r', bands: ['13.56MHz'], policy: b.policy }],
    stations: [{ id: 'S', entrances: [{ id: 'E', demand: { rate: b.perHour }, gatelines: [{ id: 'G', gates: 1, reader: 'r', gateType: 'flap' }] }] }],
    outputs: { transactions: !b.saturated },
  };
}

/** What one replication of a bench leaves: its summary metrics and the latencies of its successful taps, ns. */
export interface BenchReplication {
  metrics: Readonly<Record<string, number>>;
  okLatenciesNs: readonly number[];
}

/** Resolve the scenarios through the real schema (units, defaults) — mathjs is loaded once. */
export async function scenarioResolver(): Promise<(doc: Record<string, unknown>) => ResolvedScenario> {
  const math = await loadMath();
  const schema = buildScenarioSchema({ quantity: createQuantityParser(math), rateExpression: (t) => compileRateExpression(math, t) });
  return (doc) => schema.parse(doc) as ResolvedScenario;
}

function replicationOf(scenario: ResolvedScenario, r: number): BenchReplication {
  const result = runReplication({ scenario, replication: r, seed: VERIFY_SEED });
  const t = result.transactions;
  const ok = t === null ? -1 : t.strings.indexOf('ok');
  // Published card transaction times run from card detection: the latency less its wait for the reader (link/tap-timeline.ts).
  const okLatenciesNs = t === null ? [] : t.latencyNs.flatMap((latencyNs, i) => (t.cause[i] === ok ? [latencyNs - t.components.waitNs[i]!] : []));
  return { metrics: result.metrics, okLatenciesNs };
}

/** Runs each bench at most once (its replications in order) and keeps what they left. */
export class BenchRunner {
  private readonly cache = new Map<BenchId, readonly BenchReplication[]>();
  constructor(
    private readonly resolve: (doc: Record<string, unknown>) => ResolvedScenario,
    readonly budget: CalibrationBudget,
  ) {}

  replications(id: BenchId): readonly BenchReplication[] {
    const hit = this.cache.get(id);
    if (hit !== undefined) return hit;
    const scenario = this.resolve(benchDocument(id, this.budget));
    const runs = Array.from({ length: this.budget.replications }, (_, r) => replicationOf(scenario, r));
    this.cache.set(id, runs);
    return runs;
  }
}

/**
 * One model quantity: what it is, the bench it is read from, and how — a quantile of the pooled
 * successful taps' latencies (exact, from the transaction log), or a summary metric per replication.
 */
export interface ModelQuantity {
  /** Which quantity of the model, in words (shown in the report). */
  text: string;
  unit: string;
  bench: BenchId;
  latencyQuantile?: number;
  read?: (m: Readonly<Record<string, number>>) => number;
}

const perHour = (m: Readonly<Record<string, number>>): number => (m['throughput_ppm_per_gate'] ?? NaN) * 60;
const LATENCY_TEXT = 'tap latency on 13.56 MHz from card detection: latency_ms less its wait for the reader (the first poll that engaged the card → the reader\'s result)';
const SATURATED_TEXT = 'passengers through one saturated flap gate after a 2-min warm-up (queue never empty), schema defaults';

export const MODEL_QUANTITIES = {
  'transit-latency-p50': { text: `${LATENCY_TEXT}; transit card, e-purse flow with PSAM MAC; median`, unit: 'ms', bench: 'transit-card', latencyQuantile: 0.5 },
  'transit-latency-p95': { text: `${LATENCY_TEXT}; transit card, e-purse flow with PSAM MAC; p95`, unit: 'ms', bench: 'transit-card', latencyQuantile: 0.95 },
  'emv-latency-p95': { text: `${LATENCY_TEXT}; EMV card, qPBOC flow with fDDA; p95`, unit: 'ms', bench: 'emv-card', latencyQuantile: 0.95 },
  'mifare-latency-p50': { text: `${LATENCY_TEXT}; transit card, MIFARE-class flow; median`, unit: 'ms', bench: 'mifare-card', latencyQuantile: 0.5 },
  'gate-card-per-min': { text: `${SATURATED_TEXT}; transit cards; per gate-minute`, unit: 'passengers/min', bench: 'saturated-transit-card', read: (m) => perHour(m) / 60 },
  'gate-card-per-hour': { text: `${SATURATED_TEXT}; transit cards; per gate-hour`, unit: 'passengers/h', bench: 'saturated-transit-card', read: perHour },
  'gate-qr-per-hour': { text: `${SATURATED_TEXT}; QR codes; per gate-hour`, unit: 'passengers/h', bench: 'saturated-qr', read: perHour },
} as const satisfies Readonly<Record<string, ModelQuantity>>;

export type ModelQuantityId = keyof typeof MODEL_QUANTITIES;

/** A model estimate with its 95 % CI and what it rests on ("n = 5 replications", "n = 600 taps …"). */
export interface ModelEstimate {
  value: number;
  ciLo: number;
  ciHi: number;
  basis: string;
}

/**
 * The q-quantile of a sample (type 1: the ⌈nq⌉-th smallest) with a distribution-free 95 % CI from
 * the binomial ranks nq ∓ 1.96·√(nq(1−q)) (the normal approximation; n ≥ 100 here).
 */
export function quantileWithCi(values: readonly number[], q: number): { value: number; lo: number; hi: number } {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  if (n === 0) return { value: NaN, lo: NaN, hi: NaN };
  const at = (rank: number): number => x[Math.min(n, Math.max(1, rank)) - 1] as number;
  const spread = 1.96 * Math.sqrt(n * q * (1 - q));
  return { value: at(Math.ceil(n * q)), lo: at(Math.floor(n * q - spread)), hi: at(Math.ceil(n * q + spread)) };
}

function perReplication(runner: BenchRunner, id: ModelQuantityId): number[] {
  const q: ModelQuantity = MODEL_QUANTITIES[id];
  if (q.read === undefined) throw new Error(`calibration: ${id} is not a per-replication quantity`);
  const read = q.read;
  return runner.replications(q.bench).map((r) => read(r.metrics));
}

/** The estimate of one quantity, or of a difference of two per-replication quantities (paired by replication, same seeds). */
export function modelEstimate(runner: BenchRunner, id: ModelQuantityId, minus?: ModelQuantityId): ModelEstimate {
  const q: ModelQuantity = MODEL_QUANTITIES[id];
  if (q.latencyQuantile !== undefined) {
    const runs = runner.replications(q.bench);
    const pooled = runs.flatMap((r) => r.okLatenciesNs.map((ns) => ns / 1e6));
    const e = quantileWithCi(pooled, q.latencyQuantile);
    return { value: e.value, ciLo: e.lo, ciHi: e.hi, basis: `n = ${pooled.length} successful taps in ${runs.length} replications; distribution-free CI of the quantile` };
  }
  const a = perReplication(runner, id);
  const b = minus === undefined ? undefined : perReplication(runner, minus);
  const s = summarize(b === undefined ? a : a.map((x, i) => x - (b[i] ?? NaN)));
  return { value: s.mean, ciLo: s.lower, ciHi: s.upper, basis: `n = ${s.n} replications; Student-t CI of the mean` };
}
