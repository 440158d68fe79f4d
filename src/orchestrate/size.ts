/**
 * `tapsim size <scenario> --vary path=lo:hi --slo "metric<=value"` (or >=): the smallest integer
 * value of `path` whose metric meets the service level with ≥ 95% confidence (one-sided Student-t
 * bound of the mean). Bisection assumes the metric is monotone in the value. At each value,
 * replications are added in batches (indices 0, 1, …: common random numbers across values) until
 * the bound clears the threshold either way, up to a cap; a value left undecided counts as not
 * meeting (conservative).
 */
import { loadScenario, type Override } from '../scenario/load.js';
import { columnsMarkdown, sizeCsv } from '../report/csv.js';
import { writeFolderAtomic } from '../report/write.js';
import { sizeFigure } from '../report/experiment-figures.js';
import { writeExperimentReport } from '../report/experiment-report.js';
import { createPool, runInOrder, type OrderedProgress, type ReplicationPool } from '../experiment/pool.js';
import { hasSpread, oneSidedBound, summarize } from '../experiment/stats.js';
import { ExperimentInputError, jobScenario } from './shard.js';
import { metricNames } from './run-scenario.js';
import { toolVersion } from '../experiment/version.js';
import { metricFromFlag, unknownMetricSentence } from '../experiment/metric-names.js';

export interface Slo {
  metric: string;
  op: '<=' | '>=';
  threshold: number;
}

/** `warn` hears of an old metric name (experiment/metric-names.ts), which resolves to the current one. */
export function parseSlo(text: string, warn: (line: string) => void = () => {}): Slo | { error: string } {
  const m = /^\s*([A-Za-z0-9_]+)\s*(<=|>=)\s*(\S+)\s*$/.exec(text);
  if (m === null) return { error: `expected "metric<=value" or "metric>=value" (got "${text}")` };
  const threshold = Number(m[3]);
  if (!Number.isFinite(threshold)) return { error: `threshold must be a number (got "${m[3] ?? ''}")` };
  return { metric: metricFromFlag(m[1] as string, '--slo', warn), op: m[2] as '<=' | '>=', threshold };
}

export function parseIntRange(text: string): { path: string; lo: number; hi: number } | { error: string } {
  const m = /^\s*([^=]+?)\s*=\s*(-?\d+)\s*:\s*(-?\d+)\s*$/.exec(text);
  if (m === null) return { error: `expected path=lo:hi with integers lo ≤ hi (got "${text}")` };
  const lo = Number(m[2]);
  const hi = Number(m[3]);
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) return { error: `lo and hi must be integers from ${-Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER} (got "${text}")` };
  if (lo > hi) return { error: `lo ${lo} > hi ${hi}: write the smaller value first (${m[1]}=${hi}:${lo})` };
  return { path: m[1] as string, lo, hi };
}

export interface SizeEvaluation {
  value: number;
  n: number;
  mean: number;
  sd: number;
  bound: number;
  verdict: 'meets' | 'fails' | 'undecided';
}

export interface SizeOutcome {
  answer: number | null;
  evaluations: SizeEvaluation[];
  failures: Array<{ value: number; replication: number; seed: number; message: string }>;
}

type SizeOptions = { outDir: string; scenarioFile: string | null; maxReplications?: number; workers?: number; inThread?: boolean; pool?: ReplicationPool; signal?: AbortSignal; onProgress?: (p: OrderedProgress & { value: number }) => void; now?: () => number };
type IntRange = { path: string; lo: number; hi: number };

/** One sizing in progress: what it evaluates and what it has found so far. */
interface Sizing {
  file: string;
  base: readonly Override[];
  range: IntRange;
  slo: Slo;
  options: SizeOptions;
  poolFor: (batch: number) => ReplicationPool;
  evaluations: Map<number, SizeEvaluation>;
  failures: SizeOutcome['failures'];
  /** Name and seed of the scenario last evaluated. */
  last: { name: string; seed: number };
}

/**
 * The verdict after `values`: meets or fails when the one-sided 95% bound clears the threshold,
 * else undecided. With every value equal (no spread, stats.ts hasSpread: a wait p95 of 0 in every
 * replication, a count that never moved) there is no bound to claim: bound NaN, and the verdict
 * compares the common value itself with the threshold (the CLI says "no spread … no bound claimed").
 */
function verdictOf(value: number, values: readonly number[], slo: Slo): SizeEvaluation {
  const spread = summarize(values);
  if (spread.n >= 2 && !hasSpread(spread)) {
    const meets = slo.op === '<=' ? spread.mean <= slo.threshold : spread.mean >= slo.threshold;
    return { value, n: spread.n, mean: spread.mean, sd: spread.sd, bound: NaN, verdict: meets ? 'meets' : 'fails' };
  }
  const meetSide = oneSidedBound(values, slo.op === '<=' ? 'upper' : 'lower');
  const failSide = oneSidedBound(values, slo.op === '<=' ? 'lower' : 'upper');
  const meets = slo.op === '<=' ? meetSide.bound <= slo.threshold : meetSide.bound >= slo.threshold;
  const fails = slo.op === '<=' ? failSide.bound > slo.threshold : failSide.bound < slo.threshold;
  return { value, n: meetSide.n, mean: meetSide.mean, sd: meetSide.sd, bound: meetSide.bound, verdict: meets ? 'meets' : fails ? 'fails' : 'undecided' };
}

/** Evaluate one value (once; remembered): batches of replications until decided or at the cap. */
async function evaluate(z: Sizing, value: number): Promise<SizeEvaluation> {
  const { range, slo, options } = z;
  const known = z.evaluations.get(value);
  if (known !== undefined) return known;
  const loaded = await loadScenario(z.file, { overrides: [...z.base, { path: range.path, value: String(value), source: `--vary ${range.path}=${value}` }] });
  z.last.name = loaded.scenario.name;
  z.last.seed = loaded.scenario.seed;
  const scenario = jobScenario(loaded.scenario, 'metrics');
  const batch = Math.max(2, scenario.replications);
  const cap = Math.max(batch, options.maxReplications ?? 30);
  const values: number[] = [];
  const rows: Array<{ metrics: Record<string, number> }> = [];
  let next = 0;
  let evaluation: SizeEvaluation;
  for (;;) {
    const count = Math.min(batch, cap - next);
    const tasks = Array.from({ length: count }, (_, i) => ({ scenario, replication: next + i, seed: scenario.seed, detail: 'metrics' as const }));
    await runInOrder(z.poolFor(batch), tasks, {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: (p: OrderedProgress) => options.onProgress?.({ ...p, value }) }),
      onOutcome: (i, outcome) => {
        const task = tasks[i] as (typeof tasks)[number];
        if (!outcome.ok) {
          z.failures.push({ value, replication: task.replication, seed: task.seed, message: outcome.message });
          return;
        }
        rows.push(outcome.result);
        values.push(outcome.result.metrics[slo.metric] ?? NaN);
      },
    });
    next += count;
    if (rows.length > 0 && !rows.some((r) => slo.metric in r.metrics)) {
      throw new ExperimentInputError('--slo', unknownMetricSentence(slo.metric, metricNames(rows)));
    }
    evaluation = verdictOf(value, values, slo);
    if (evaluation.verdict !== 'undecided' || next >= cap) break;
  }
  z.evaluations.set(value, evaluation);
  return evaluation;
}

/** Bisection for the smallest value that meets (the metric assumed monotone); null when even `hi` does not. */
async function smallestMeeting(z: Sizing): Promise<number | null> {
  const { range } = z;
  if ((await evaluate(z, range.hi)).verdict !== 'meets') return null;
  if ((await evaluate(z, range.lo)).verdict === 'meets') return range.lo;
  let bad = range.lo;
  let good = range.hi;
  while (good - bad > 1) {
    const mid = Math.floor((bad + good) / 2);
    if ((await evaluate(z, mid)).verdict === 'meets') good = mid;
    else bad = mid;
  }
  return good;
}

/** size.json, size.csv, columns.md and the report, as one folder. */
async function writeSizeFolder(z: Sizing, answer: number | null, list: readonly SizeEvaluation[], pool: ReplicationPool | undefined, wallTimeS: number): Promise<void> {
  const { range, slo, options } = z;
  const { name: baseName, seed } = z.last;
  const sizeJson = {
    tool: 'tapsim',
    version: await toolVersion(),
    scenario: { name: baseName, file: options.scenarioFile },
    seed,
    vary: range,
    slo,
    confidence: 0.95,
    answer,
    workers: pool?.workers ?? 1,
    wallTimeS,
    failures: z.failures,
  };
  await writeFolderAtomic(options.outDir, async (w) => {
    await w.writeFile('size.json', JSON.stringify(sizeJson, null, 2) + '\n');
    await w.writeFile('size.csv', sizeCsv(list));
    await w.writeFile('columns.md', columnsMarkdown(['size.csv'], []));
    await writeExperimentReport(w, {
      title: `${baseName} — sizing`,
      intro: `Smallest ${range.path} in ${range.lo}…${range.hi} with ${slo.metric} ${slo.op} ${slo.threshold} at 95 % confidence: ${answer ?? 'none in the range'}. Numbers: size.csv.`,
      meta: [{ key: 'seed', value: String(seed) }],
      tables: [],
      figures: [sizeFigure(range.path, { metric: slo.metric, op: slo.op, value: slo.threshold }, list, answer)],
    });
  });
}

export async function runSize(file: string, base: readonly Override[], range: IntRange, slo: Slo, options: SizeOptions): Promise<SizeOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  // Made at the first evaluation, when its batch (the most replications in flight) is known.
  let pool = options.pool;
  const poolFor = (batch: number): ReplicationPool =>
    (pool ??= createPool({ jobs: batch, ...(options.workers === undefined ? {} : { workers: options.workers }), ...(options.inThread === undefined ? {} : { inThread: options.inThread }) }));
  const z: Sizing = { file, base, range, slo, options, poolFor, evaluations: new Map(), failures: [], last: { name: '', seed: 0 } };
  try {
    const answer = await smallestMeeting(z);
    const list = [...z.evaluations.values()].sort((a, b) => a.value - b.value);
    await writeSizeFolder(z, answer, list, pool, Math.round(((now() - started) / 1000) * 1000) / 1000);
    return { answer, evaluations: list, failures: z.failures };
  } finally {
    if (options.pool === undefined) await pool?.close();
  }
}
