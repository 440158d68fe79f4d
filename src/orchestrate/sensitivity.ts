/**
 * `tapsim sensitivity <scenario>`: which unsourced numbers decide the band comparison. For every row
 * of the parameter table (sensitivity-params.ts) at its low and its high value, and once at the
 * scenario's own values (base), the scenario runs with every reader on 13.56 MHz only and on
 * 2.45 GHz RCC only (the `compare --bands` configurations, orchestrate/compare.ts), on common random
 * numbers — the same seed and replication indices, so the same people, arrivals and gestures. The
 * table, per point and metric, is each band's mean and the paired difference RCC − NFC with 95 % CIs
 * and n (sensitivity-table.ts); the figure is a tornado of the differences' swings.
 */
import { formatIssue, ScenarioError } from '../scenario/errors.js';
import type { Override } from '../scenario/load.js';
import { createPool, runInOrder, type OrderedProgress, type PoolTask } from '../experiment/pool.js';
import { BAND_MODELS } from '../radio/bands.js';
import { bandConfigs, type Config } from './compare.js';
import { jobScenario } from './shard.js';
import { pushAll } from '../arrays.js';
import type { SensitivityParam } from './sensitivity-params.js';

/** One point of the design: the base, or one parameter at one of its levels. */
export interface SensitivityPoint {
  /** Parameter id, or 'base'. */
  param: string;
  level: 'base' | 'low' | 'high';
  /** The value set ('' at the base: the scenario's own). */
  value: string;
  /** The two single-band configurations, NFC first. */
  configs: readonly [Config, Config];
}

export interface SensitivityDesign {
  points: SensitivityPoint[];
  /** Parameters left out, with the reason (a path the schema does not know, a value it refuses). */
  skipped: Array<{ param: string; reason: string }>;
  /** Band short names of the two configurations ("nfc", "rcc"). */
  bands: readonly [string, string];
}

/** `path` with each `*` replaced by every index of the list at that place in `scenario`. */
export function expandPath(scenario: unknown, path: string): string[] {
  const segments = path.split('.');
  const out: string[] = [];
  const walk = (node: unknown, i: number, done: string[]): void => {
    if (i === segments.length) {
      out.push(done.join('.'));
      return;
    }
    const seg = segments[i] as string;
    if (seg === '*') {
      if (!Array.isArray(node)) throw new Error(`sensitivity: "${path}": "*" at ${done.join('.') || 'the top'} is not a list`);
      node.forEach((item, k) => walk(item, i + 1, [...done, String(k)]));
      return;
    }
    const next = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    walk(next, i + 1, [...done, seg]);
  };
  walk(scenario, 0, []);
  return out;
}

/** The NFC-only and RCC-only configurations of the band comparison, at `overrides`. */
async function bandPair(file: string, overrides: readonly Override[]): Promise<readonly [Config, Config]> {
  const singles = BAND_MODELS.filter((b) => b.servedBy === 'reader' && !b.reference).map((b) => b.short);
  const configs = (await bandConfigs(file, overrides)).filter((c) => singles.includes(c.id));
  const [a, b] = configs;
  if (a === undefined || b === undefined) throw new ScenarioError([{ file, line: 0, col: 0, path: 'readers', message: 'sensitivity needs two reader bands to compare (13.56MHz and 2.45GHz)' }]);
  for (const c of [a, b]) {
    if (c.infeasible !== null) throw new ScenarioError([{ file, line: 0, col: 0, path: 'carriers', message: `the ${c.id} configuration cannot serve the population (${c.infeasible}); sensitivity compares bands on the same people, so give every carrier both bands` }]);
  }
  return [a, b];
}

/** The design: base, then each parameter low and high (a parameter the scenario refuses is skipped with its reason). */
export async function sensitivityDesign(file: string, overrides: readonly Override[], params: readonly SensitivityParam[]): Promise<SensitivityDesign> {
  const base = await bandPair(file, overrides);
  const points: SensitivityPoint[] = [{ param: 'base', level: 'base', value: '', configs: base }];
  const skipped: SensitivityDesign['skipped'] = [];
  for (const p of params) {
    const found: SensitivityPoint[] = [];
    try {
      const paths = expandPath(base[0].scenario, p.path);
      for (const level of ['low', 'high'] as const) {
        const value = p[level];
        const set = paths.map((path) => ({ path, value, source: `sensitivity ${p.id}` }));
        found.push({ param: p.id, level, value, configs: await bandPair(file, [...overrides, ...set]) });
      }
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      skipped.push({ param: p.id, reason: error.issues.map(formatIssue).join('; ') });
      continue;
    }
    pushAll(points, found);
  }
  return { points, skipped, bands: [base[0].id, base[1].id] };
}

/** Replication metrics per point, per configuration (0 = NFC, 1 = RCC), per replication. */
export type SensitivityResults = Array<[Map<number, Record<string, number>>, Map<number, Record<string, number>>]>;

export interface SensitivityRun {
  results: SensitivityResults;
  failures: Array<{ point: number; config: string; replication: number; message: string }>;
}

/** Run every point's two configurations, all replications, in one pool. */
export async function runSensitivity(
  design: SensitivityDesign,
  options: { workers?: number; inThread?: boolean; signal?: AbortSignal; onProgress?: (p: OrderedProgress) => void },
): Promise<SensitivityRun> {
  const tasks: Array<{ point: number; config: 0 | 1; task: PoolTask }> = [];
  design.points.forEach((pt, pi) => {
    pt.configs.forEach((c, ci) => {
      const scenario = jobScenario(c.scenario, 'metrics');
      for (let r = 0; r < c.scenario.replications; r++) tasks.push({ point: pi, config: ci as 0 | 1, task: { scenario, replication: r, seed: scenario.seed, detail: 'metrics' } });
    });
  });
  const pool = createPool({ jobs: tasks.length, ...(options.workers === undefined ? {} : { workers: options.workers }), ...(options.inThread === undefined ? {} : { inThread: options.inThread }) });
  const results: SensitivityResults = design.points.map(() => [new Map(), new Map()]);
  const failures: SensitivityRun['failures'] = [];
  try {
    await runInOrder(pool, tasks.map((t) => t.task), {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      onOutcome: (i, outcome) => {
        const t = tasks[i] as (typeof tasks)[number];
        if (outcome.ok) results[t.point]?.[t.config].set(t.task.replication, outcome.result.metrics);
        else failures.push({ point: t.point, config: design.bands[t.config], replication: t.task.replication, message: outcome.message });
      },
    });
  } finally {
    await pool.close();
  }
  return { results, failures };
}
