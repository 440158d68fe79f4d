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
import { sizeFigure, writeExperimentReport } from '../report/experiment-figures.js';
import { createPool, runInOrder, type OrderedProgress, type ReplicationPool } from '../experiment/pool.js';
import { oneSidedBound } from '../experiment/stats.js';
import { ExperimentInputError, jobScenario } from './shard.js';
import { metricNames } from './run-scenario.js';
import { toolVersion } from '../experiment/version.js';

export interface Slo {
  metric: string;
  op: '<=' | '>=';
  threshold: number;
}

export function parseSlo(text: string): Slo | { error: string } {
  const m = /^\s*([A-Za-z0-9_]+)\s*(<=|>=)\s*(\S+)\s*$/.exec(text);
  if (m === null) return { error: `expected "metric<=value" or "metric>=value" (got "${text}")` };
  const threshold = Number(m[3]);
  if (!Number.isFinite(threshold)) return { error: `threshold must be a number (got "${m[3] ?? ''}")` };
  return { metric: m[1] as string, op: m[2] as '<=' | '>=', threshold };
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

export async function runSize(
  file: string,
  base: readonly Override[],
  range: { path: string; lo: number; hi: number },
  slo: Slo,
  options: { outDir: string; scenarioFile: string | null; maxReplications?: number; workers?: number; inThread?: boolean; pool?: ReplicationPool; signal?: AbortSignal; onProgress?: (p: OrderedProgress & { value: number }) => void; now?: () => number },
): Promise<SizeOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  // Made at the first evaluation, when its batch (the most replications in flight) is known.
  let pool = options.pool;
  const poolFor = (batch: number): ReplicationPool =>
    (pool ??= createPool({ jobs: batch, ...(options.workers === undefined ? {} : { workers: options.workers }), ...(options.inThread === undefined ? {} : { inThread: options.inThread }) }));
  const evaluations = new Map<number, SizeEvaluation>();
  const failures: SizeOutcome['failures'] = [];
  let baseName = '';
  let seed = 0;
  const evaluate = async (value: number): Promise<SizeEvaluation> => {
    const known = evaluations.get(value);
    if (known !== undefined) return known;
    const loaded = await loadScenario(file, { overrides: [...base, { path: range.path, value: String(value), source: `--vary ${range.path}=${value}` }] });
    baseName = loaded.scenario.name;
    seed = loaded.scenario.seed;
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
      await runInOrder(poolFor(batch), tasks, {
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.onProgress === undefined ? {} : { onProgress: (p: OrderedProgress) => options.onProgress?.({ ...p, value }) }),
        onOutcome: (i, outcome) => {
          const task = tasks[i] as (typeof tasks)[number];
          if (!outcome.ok) {
            failures.push({ value, replication: task.replication, seed: task.seed, message: outcome.message });
            return;
          }
          rows.push(outcome.result);
          values.push(outcome.result.metrics[slo.metric] ?? NaN);
        },
      });
      next += count;
      if (rows.length > 0 && !rows.some((r) => slo.metric in r.metrics)) {
        throw new ExperimentInputError('--slo', `no metric "${slo.metric}"; metrics are: ${metricNames(rows).join(', ')}`);
      }
      const meetSide = oneSidedBound(values, slo.op === '<=' ? 'upper' : 'lower');
      const failSide = oneSidedBound(values, slo.op === '<=' ? 'lower' : 'upper');
      const meets = slo.op === '<=' ? meetSide.bound <= slo.threshold : meetSide.bound >= slo.threshold;
      const fails = slo.op === '<=' ? failSide.bound > slo.threshold : failSide.bound < slo.threshold;
      evaluation = { value, n: meetSide.n, mean: meetSide.mean, sd: meetSide.sd, bound: meetSide.bound, verdict: meets ? 'meets' : fails ? 'fails' : 'undecided' };
      if (evaluation.verdict !== 'undecided' || next >= cap) break;
    }
    evaluations.set(value, evaluation);
    return evaluation;
  };
  try {
    let answer: number | null = null;
    if ((await evaluate(range.hi)).verdict === 'meets') {
      if ((await evaluate(range.lo)).verdict === 'meets') answer = range.lo;
      else {
        let bad = range.lo;
        let good = range.hi;
        while (good - bad > 1) {
          const mid = Math.floor((bad + good) / 2);
          if ((await evaluate(mid)).verdict === 'meets') good = mid;
          else bad = mid;
        }
        answer = good;
      }
    }
    const list = [...evaluations.values()].sort((a, b) => a.value - b.value);
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
      wallTimeS: Math.round(((now() - started) / 1000) * 1000) / 1000,
      failures,
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
    return { answer, evaluations: list, failures };
  } finally {
    if (options.pool === undefined) await pool?.close();
  }
}
