/**
 * `tapsim compare <scenario> --bands`: the scenario with every reader set to 13.56 MHz only
 * (nfc), 2.45 GHz RCC only (rcc) and both (dual), on common random numbers (same seed and
 * replication indices ⇒ same passengers, arrivals and gestures), and the paired differences
 * rcc − nfc, dual − nfc, dual − rcc per metric with 95% Student-t intervals.
 */
import { canonicalJson, loadScenario, sha256, type Override } from '../scenario/load.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { columnsMarkdown, compareCsv, keyedSummaryCsv } from '../report/csv.js';
import { formatNumber, writeFolderAtomic } from '../report/write.js';
import { compareFigures, writeExperimentReport } from '../report/experiment-figures.js';
import { createPool, runInOrder, type OrderedProgress, type PoolTask, type ReplicationPool } from '../experiment/pool.js';
import { metricNames } from './run-scenario.js';
import { pairedDifference, summarize, type Summary } from '../experiment/stats.js';
import { jobScenario } from './shard.js';
import { toolVersion } from '../experiment/version.js';
import { maxOf } from '../arrays.js';

export const BAND_CONFIGS = [
  { id: 'nfc', bands: ['13.56MHz'] },
  { id: 'rcc', bands: ['2.45GHz'] },
  { id: 'dual', bands: ['13.56MHz', '2.45GHz'] },
] as const;

export const BAND_PAIRS = [['rcc', 'nfc'], ['dual', 'nfc'], ['dual', 'rcc']] as const;

export interface Config {
  id: string;
  scenario: ResolvedScenario;
  sha256: string;
}

/**
 * The three band configurations. Every reader is first loaded dual-band (so both parameter blocks
 * exist, given or defaulted and validated), then narrowed to one band by dropping the other block.
 */
export async function bandConfigs(file: string, overrides: readonly Override[]): Promise<Config[]> {
  const base = await loadScenario(file, { overrides });
  const dualOverrides = base.scenario.readers.map((_, i) => ({ path: `readers.${i}.bands`, value: '[13.56MHz, 2.45GHz]', source: '--bands' }));
  const dual = await loadScenario(file, { overrides: [...overrides, ...dualOverrides] });
  return BAND_CONFIGS.map((c) => {
    const scenario = {
      ...dual.scenario,
      readers: dual.scenario.readers.map((r) => ({
        ...r,
        bands: [...c.bands],
        nfc: c.bands.includes('13.56MHz' as never) ? r.nfc : null,
        rcc: c.bands.includes('2.45GHz' as never) ? r.rcc : null,
      })),
    } as ResolvedScenario;
    return { id: c.id, scenario, sha256: sha256(canonicalJson(scenario)) };
  });
}

export interface CompareRow {
  metric: string;
  a: string;
  b: string;
  meanA: number;
  meanB: number;
  diff: Summary;
}

export interface CompareOutcome {
  rows: CompareRow[];
  failures: Array<{ config: string; replication: number; seed: number; message: string }>;
  compareJson: Record<string, unknown>;
}

export async function runCompare(
  configs: readonly Config[],
  options: { outDir: string; scenarioFile: string | null; workers?: number; inThread?: boolean; pool?: ReplicationPool; signal?: AbortSignal; onProgress?: (p: OrderedProgress) => void; now?: () => number },
): Promise<CompareOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const jobs = configs.reduce((n, c) => n + c.scenario.replications, 0);
  const pool = options.pool ?? createPool({ jobs, ...(options.workers === undefined ? {} : { workers: options.workers }), ...(options.inThread === undefined ? {} : { inThread: options.inThread }) });
  try {
    const tasks: Array<{ config: number; task: PoolTask }> = [];
    configs.forEach((c, ci) => {
      const scenario = jobScenario(c.scenario, 'metrics');
      for (let r = 0; r < c.scenario.replications; r++) tasks.push({ config: ci, task: { scenario, replication: r, seed: scenario.seed, detail: 'metrics' } });
    });
    const perConfig = configs.map(() => new Map<number, { metrics: Record<string, number>; events: number; seed: number }>());
    const summaryRows: Array<{ keys: string[]; replication: number; seed: number; events: number; metrics: Record<string, number> }> = [];
    const failures: CompareOutcome['failures'] = [];
    await runInOrder(pool, tasks.map((t) => t.task), {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      onOutcome: (i, outcome) => {
        const { config, task } = tasks[i] as (typeof tasks)[number];
        const id = (configs[config] as Config).id;
        if (outcome.ok) {
          perConfig[config]?.set(task.replication, { metrics: outcome.result.metrics, events: outcome.result.events, seed: task.seed });
          summaryRows.push({ keys: [id], replication: task.replication, seed: task.seed, events: outcome.result.events, metrics: outcome.result.metrics });
        } else failures.push({ config: id, replication: task.replication, seed: task.seed, message: outcome.message });
      },
    });
    const metrics = metricNames(summaryRows);
    const rows: CompareRow[] = [];
    const index = new Map(configs.map((c, i) => [c.id, i]));
    for (const metric of metrics) {
      for (const [a, b] of BAND_PAIRS) {
        const ia = index.get(a);
        const ib = index.get(b);
        if (ia === undefined || ib === undefined) continue;
        const ra = perConfig[ia] as Map<number, { metrics: Record<string, number> }>;
        const rb = perConfig[ib] as Map<number, { metrics: Record<string, number> }>;
        const reps = [...ra.keys()].filter((r) => rb.has(r)).sort((x, y) => x - y);
        const va = reps.map((r) => ra.get(r)?.metrics[metric] ?? NaN);
        const vb = reps.map((r) => rb.get(r)?.metrics[metric] ?? NaN);
        rows.push({ metric, a, b, meanA: summarize([...ra.values()].map((x) => x.metrics[metric] ?? NaN)).mean, meanB: summarize([...rb.values()].map((x) => x.metrics[metric] ?? NaN)).mean, diff: pairedDifference(va, vb) });
      }
    }
    const base = configs[0] as Config;
    const compareJson = {
      tool: 'tapsim',
      version: await toolVersion(),
      scenario: { name: base.scenario.name, file: options.scenarioFile },
      seed: base.scenario.seed,
      replications: base.scenario.replications,
      configs: configs.map((c) => ({ id: c.id, bands: c.scenario.readers[0]?.bands ?? [], sha256: c.sha256 })),
      workers: pool.workers,
      wallTimeS: Math.round(((now() - started) / 1000) * 1000) / 1000,
      failures,
    };
    await writeFolderAtomic(options.outDir, async (w) => {
      await w.writeFile('compare.json', JSON.stringify(compareJson, null, 2) + '\n');
      await w.writeFile('compare.csv', compareCsv(rows));
      await w.writeFile('compare-summary.csv', keyedSummaryCsv(['config'], metrics, summaryRows));
      await w.writeFile('columns.md', columnsMarkdown(['compare.csv', 'compare-summary.csv'], metrics));
      await writeExperimentReport(w, {
        title: `${base.scenario.name} — band comparison`,
        intro: `The same scenario with 13.56 MHz, 2.45 GHz RCC and dual-band readers on common random numbers; paired differences with 95 % CIs. Numbers: compare.csv.`,
        meta: [
          { key: 'seed', value: String(base.scenario.seed) },
          { key: 'replications per configuration', value: String(base.scenario.replications) },
        ],
        tables: [],
        figures: compareFigures(rows),
      });
    });
    return { rows, failures, compareJson };
  } finally {
    if (options.pool === undefined) await pool.close();
  }
}

/** A readable table: one line per metric, the three paired differences as mean ± 95% half-width. */
export function compareTable(rows: readonly CompareRow[]): string {
  const byMetric = new Map<string, CompareRow[]>();
  for (const r of rows) byMetric.set(r.metric, [...(byMetric.get(r.metric) ?? []), r]);
  const header = ['metric', 'nfc', 'rcc', 'dual', ...BAND_PAIRS.map(([a, b]) => `${a} − ${b} (95% CI)`)];
  const lines: string[][] = [header];
  for (const [metric, list] of byMetric) {
    if (list.every((r) => !Number.isFinite(r.diff.mean))) continue;
    const mean = (id: string): string => {
      const r = list.find((x) => x.a === id) ?? list.find((x) => x.b === id);
      const v = r === undefined ? NaN : r.a === id ? r.meanA : r.meanB;
      return formatNumber(v);
    };
    const diff = (a: string, b: string): string => {
      const r = list.find((x) => x.a === a && x.b === b);
      if (r === undefined || !Number.isFinite(r.diff.mean)) return '—';
      const hw = Number.isFinite(r.diff.halfWidth) ? r.diff.halfWidth : NaN;
      const star = Number.isFinite(hw) && (r.diff.lower > 0 || r.diff.upper < 0) ? ' *' : '';
      return `${formatNumber(r.diff.mean)} ± ${formatNumber(hw)}${star}`;
    };
    lines.push([metric, mean('nfc'), mean('rcc'), mean('dual'), ...BAND_PAIRS.map(([a, b]) => diff(a, b))]);
  }
  const widths = header.map((_, c) => maxOf(lines.map((l) => (l[c] ?? '').length)));
  const text = lines.map((l) => l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ').trimEnd());
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [...text.slice(0, 1), rule, ...text.slice(1), '', 'nfc = every reader 13.56 MHz only, rcc = 2.45 GHz RCC only, dual = both; * = 95% CI excludes 0'].join('\n') + '\n';
}
