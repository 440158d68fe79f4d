/**
 * `tapsim compare <scenario> --bands`: the scenario with every reader set to each band of the
 * registry (src/radio/bands.ts) alone — today 13.56 MHz only (nfc) and 2.45 GHz RCC only (rcc) —
 * and to all of a dual reader's bands together (dual), on common random numbers (same seed and
 * replication indices ⇒ same passengers, arrivals and gestures), and the paired differences of
 * every later configuration against every earlier one (rcc − nfc, dual − nfc, dual − rcc) per
 * metric with 95% Student-t intervals. A reference band (`ideal`) joins as one more single-band
 * configuration only when a reader of the scenario uses it; it never joins `dual`.
 *
 * A configuration in which a carrier with a share has no reader it can reach that serves it
 * (scenario/schema/served-carriers.ts: an RF-SIM-only population under 13.56 MHz only) is
 * infeasible: it is not run and not ranked. Its pairs keep their rows in compare.csv with empty
 * numbers and the `infeasible` column naming it; the table prints "infeasible" in its cells and
 * the reason under the table; compare.json gives the reason per configuration; the figures leave
 * its pairs out and the report names it.
 */
import { canonicalJson, loadScenario, sha256, type Override } from '../scenario/load.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { columnsMarkdown, compareCsv, keyedSummaryCsv } from '../report/csv.js';
import { formatNumber, writeFolderAtomic } from '../report/write.js';
import { PARQUET_NOTE, wantsParquet, writeParquetCopies } from '../report/parquet.js';
import { writeExperimentReport } from '../report/experiment-report.js';
import { diffText } from '../report/ci-text.js';
import { createPool, runInOrder, type OrderedProgress, type PoolTask, type ReplicationPool } from '../experiment/pool.js';
import { metricNames } from './run-scenario.js';
import { pairedDifference, summarize, type Summary } from '../experiment/stats.js';
import { jobScenario } from './shard.js';
import { toolVersion } from '../experiment/version.js';
import { maxOf } from '../arrays.js';
import { BAND_MODELS } from '../radio/bands.js';
import type { Band } from '../radio/tap-outcome.js';
import { unservedCarriers } from '../scenario/schema/served-carriers.js';

export interface BandConfig {
  /** The band's short name ("nfc"), or "dual" for all of a dual reader's bands. */
  id: string;
  bands: readonly Band[];
}

/**
 * The configurations of `compare --bands`, from the registry: each band a reader serves alone
 * (reference bands only when `used` lists them), then all non-reference reader bands together
 * ("dual") when there are two or more.
 */
export function bandConfigsFor(used: readonly Band[]): BandConfig[] {
  const served = BAND_MODELS.filter((b) => b.servedBy === 'reader');
  const singles = served.filter((b) => !b.reference || used.includes(b.id)).map((b) => ({ id: b.short, bands: [b.id] }));
  const dual = served.filter((b) => !b.reference).map((b) => b.id);
  return dual.length > 1 ? [...singles, { id: 'dual', bands: dual }] : singles;
}

/** Every later configuration against every earlier one, later first: (rcc, nfc), (dual, nfc), (dual, rcc). */
export function bandPairs(ids: readonly string[]): Array<readonly [string, string]> {
  return ids.flatMap((a, j) => ids.slice(0, j).map((b) => [a, b] as const));
}

/** The configuration ids of a list of pairs made by bandPairs, in order: the first pair's second, then each new first. */
function idsOfPairs(pairs: ReadonlyArray<readonly [string, string]>): string[] {
  const ids: string[] = pairs.length > 0 ? [pairs[0]![1]] : [];
  for (const [a] of pairs) if (!ids.includes(a)) ids.push(a);
  return ids;
}

/** For people: "13.56 MHz" for nfc, "dual-band" for dual. */
function configLabel(id: string): string {
  return BAND_MODELS.find((b) => b.short === id)?.label ?? (id === 'dual' ? 'dual-band' : id);
}

export interface Config {
  id: string;
  scenario: ResolvedScenario;
  sha256: string;
  /** Why the configuration cannot serve its population (the unserved carriers), or null when it can. */
  infeasible: string | null;
}

/** The reason a scenario's population cannot be served (served-carriers.ts), or null when it can. */
export function infeasibility(scenario: ResolvedScenario): string | null {
  const unserved = unservedCarriers(scenario);
  return unserved.length === 0 ? null : unserved.map((u) => u.message.split('; add one of')[0]).join('; ');
}

/**
 * The band configurations (bandConfigsFor). Every reader is first loaded with all their bands (so
 * every parameter block exists, given or defaulted and validated), then narrowed to a
 * configuration's bands by dropping the other bands' blocks.
 */
export async function bandConfigs(file: string, overrides: readonly Override[]): Promise<Config[]> {
  const base = await loadScenario(file, { overrides });
  const configs = bandConfigsFor(base.scenario.readers.flatMap((r) => r.bands));
  const all = BAND_MODELS.filter((b) => configs.some((c) => c.bands.includes(b.id)));
  const allOverrides = base.scenario.readers.map((_, i) => ({ path: `readers.${i}.bands`, value: `[${all.map((b) => b.id).join(', ')}]`, source: '--bands' }));
  const loaded = await loadScenario(file, { overrides: [...overrides, ...allOverrides] });
  return configs.map((c) => {
    const scenario = {
      ...loaded.scenario,
      readers: loaded.scenario.readers.map((r) => {
        const narrowed: Record<string, unknown> = { ...r, bands: [...c.bands] };
        for (const b of all) {
          if (b.section === null || c.bands.includes(b.id)) continue;
          // As the schema resolves a reader that does not serve the band (schema/readers.ts).
          if (b.reference) delete narrowed[b.section.key];
          else narrowed[b.section.key] = null;
        }
        return narrowed;
      }),
    } as unknown as ResolvedScenario;
    return { id: c.id, scenario, sha256: sha256(canonicalJson(scenario)), infeasible: infeasibility(scenario) };
  });
}

export interface CompareRow {
  metric: string;
  a: string;
  b: string;
  meanA: number;
  meanB: number;
  diff: Summary;
  /** The infeasible configuration(s) of the pair ("nfc"), or '' when both ran: then the numbers are NaN. */
  infeasible: string;
}

export interface CompareOutcome {
  rows: CompareRow[];
  failures: Array<{ config: string; replication: number; seed: number; message: string }>;
  /** Configurations not run because their population cannot be served, with the reason. */
  infeasible: Array<{ config: string; reason: string }>;
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
      if (c.infeasible !== null) return;
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
    const rows = pairRows(configs, perConfig, metrics);
    const base = configs[0] as Config;
    const infeasible = configs.flatMap((c) => (c.infeasible === null ? [] : [{ config: c.id, reason: c.infeasible }]));
    const compareJson = {
      tool: 'tapsim',
      version: await toolVersion(),
      scenario: { name: base.scenario.name, file: options.scenarioFile },
      seed: base.scenario.seed,
      replications: base.scenario.replications,
      configs: configs.map((c) => ({ id: c.id, bands: c.scenario.readers[0]?.bands ?? [], sha256: c.sha256, infeasible: c.infeasible })),
      workers: pool.workers,
      wallTimeS: Math.round(((now() - started) / 1000) * 1000) / 1000,
      failures,
    };
    await writeFolderAtomic(options.outDir, async (w) => {
      await w.writeFile('compare.json', JSON.stringify(compareJson, null, 2) + '\n');
      await w.writeFile('compare.csv', compareCsv(rows));
      await w.writeFile('compare-summary.csv', keyedSummaryCsv(['config'], metrics, summaryRows));
      const parquet = wantsParquet(base.scenario);
      await w.writeFile('columns.md', columnsMarkdown(['compare.csv', 'compare-summary.csv'], metrics) + (parquet ? PARQUET_NOTE : ''));
      if (parquet) await writeParquetCopies(w.path, ['compare.csv', 'compare-summary.csv']);
      await writeExperimentReport(w, {
        title: `${base.scenario.name} — band comparison`,
        intro: `The same scenario with ${listed(configs.map((c) => configLabel(c.id)))} readers on common random numbers; paired differences with 95 % CIs. Numbers: compare.csv.`,
        meta: [
          { key: 'seed', value: String(base.scenario.seed) },
          { key: 'replications per configuration', value: String(base.scenario.replications) },
          ...infeasible.map((x) => ({ key: `${x.config}: infeasible, not run`, value: x.reason })),
        ],
        tables: [],
      });
    });
    return { rows, failures, infeasible, compareJson };
  } finally {
    if (options.pool === undefined) await pool.close();
  }
}

type Replicated = Map<number, { metrics: Record<string, number> }>;

/**
 * The paired differences per metric and pair of configurations (bandPairs order); a pair with an
 * infeasible configuration gets a row of NaN (n = 0) naming it instead of numbers.
 */
function pairRows(configs: readonly Config[], perConfig: readonly Replicated[], metrics: readonly string[]): CompareRow[] {
  const rows: CompareRow[] = [];
  const index = new Map(configs.map((c, i) => [c.id, i]));
  const pairs = bandPairs(configs.map((c) => c.id));
  for (const metric of metrics) {
    for (const [a, b] of pairs) {
      const ia = index.get(a);
      const ib = index.get(b);
      if (ia === undefined || ib === undefined) continue;
      const off = [a, b].filter((id) => configs[index.get(id) as number]?.infeasible !== null).join(' ');
      if (off !== '') {
        rows.push({ metric, a, b, meanA: NaN, meanB: NaN, diff: pairedDifference([], []), infeasible: off });
        continue;
      }
      const ra = perConfig[ia] as Replicated;
      const rb = perConfig[ib] as Replicated;
      const reps = [...ra.keys()].filter((r) => rb.has(r)).sort((x, y) => x - y);
      const va = reps.map((r) => ra.get(r)?.metrics[metric] ?? NaN);
      const vb = reps.map((r) => rb.get(r)?.metrics[metric] ?? NaN);
      rows.push({ metric, a, b, meanA: summarize([...ra.values()].map((x) => x.metrics[metric] ?? NaN)).mean, meanB: summarize([...rb.values()].map((x) => x.metrics[metric] ?? NaN)).mean, diff: pairedDifference(va, vb), infeasible: '' });
    }
  }
  return rows;
}

/** "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The legend of the table: what each configuration id means. */
function legend(ids: readonly string[]): string {
  const singles = ids.filter((id) => id !== 'dual');
  const parts = singles.map((id, i) => `${id} = ${i === 0 ? 'every reader ' : ''}${configLabel(id)} only`);
  if (ids.includes('dual')) {
    const dual = bandConfigsFor([]).find((c) => c.id === 'dual');
    parts.push(`dual = ${dual !== undefined && dual.bands.length === 2 ? 'both' : 'all of a dual reader\'s bands'}`);
  }
  return parts.join(', ');
}

/**
 * A readable table: one line per metric, the paired differences as mean ± 95% half-width (n)
 * (report/ci-text.ts); an
 * infeasible configuration's cells say "infeasible", its reason follows the table.
 */
export function compareTable(rows: readonly CompareRow[], infeasible: ReadonlyArray<{ config: string; reason: string }> = []): string {
  const off = new Set(infeasible.map((x) => x.config));
  const byMetric = new Map<string, CompareRow[]>();
  for (const r of rows) byMetric.set(r.metric, [...(byMetric.get(r.metric) ?? []), r]);
  const firstMetric = rows[0]?.metric;
  const pairs = rows.filter((r) => r.metric === firstMetric).map((r) => [r.a, r.b] as const);
  const ids = idsOfPairs(pairs);
  const header = ['metric', ...ids, ...pairs.map(([a, b]) => `${a} − ${b} (95% CI)`)];
  const lines: string[][] = [header];
  for (const [metric, list] of byMetric) {
    if (list.every((r) => !Number.isFinite(r.diff.mean))) continue;
    const mean = (id: string): string => {
      if (off.has(id)) return 'infeasible';
      const ran = list.filter((x) => x.infeasible === '');
      const r = ran.find((x) => x.a === id) ?? ran.find((x) => x.b === id);
      const v = r === undefined ? NaN : r.a === id ? r.meanA : r.meanB;
      return formatNumber(v);
    };
    const diff = (a: string, b: string): string => {
      const r = list.find((x) => x.a === a && x.b === b);
      if (r !== undefined && r.infeasible !== '') return 'infeasible';
      return r === undefined || !Number.isFinite(r.diff.mean) ? '—' : diffText(r.diff);
    };
    lines.push([metric, ...ids.map(mean), ...pairs.map(([a, b]) => diff(a, b))]);
  }
  const widths = header.map((_, c) => maxOf(lines.map((l) => (l[c] ?? '').length)));
  const text = lines.map((l) => l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ').trimEnd());
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const reasons = infeasible.map((x) => `${x.config}: infeasible, not run: ${x.reason}`);
  return [...text.slice(0, 1), rule, ...text.slice(1), '', `${legend(ids)}; * = significant: the paired differences spread and their 95% CI excludes 0; identical = every paired difference is exactly 0`, ...reasons].join('\n') + '\n';
}
