/**
 * The CSV tables of a run, sweep, comparison and sizing folder: fixed column order, one number
 * format (formatNumber, docs/architecture.md#rule-11), and `columns.md`, which documents every column with units.
 * The per-replication row builders are csv-rows.ts, latency.csv latency-sketches.ts, columns.md
 * column-docs.ts; this file holds the summary tables and is the one place importers name.
 */
import type { Summary } from '../experiment/stats.js';
import { csvText } from './csv-text.js';
import { formatNumber } from './write.js';

export { csvText } from './csv-text.js';
export { BACKEND_COLUMNS, BACKEND_CSV_COLUMNS, backendRows, GATE_COLUMNS, GATE_CSV_COLUMNS, gateRows, SUCCESS_CAUSES, TRANSACTION_COLUMNS, TRANSACTION_CSV_COLUMNS, transactionRows, withClockColumn, withClockRows } from './csv-rows.js';
export { LATENCY_COLUMNS, LATENCY_PROBABILITIES, LatencySketches } from './latency-sketches.js';
export { columnsMarkdown, describeMetric, FILE_DOCS } from './column-docs.js';

// ------------------------------------------------------------------ summary-ci.csv and friends

export const SUMMARY_CI_COLUMNS = ['metric', 'n', 'mean', 'sd', 'ci95_half_width', 'ci95_lower', 'ci95_upper'] as const;

function summaryCells(s: Summary): string[] {
  return [formatNumber(s.n), formatNumber(s.mean), formatNumber(s.sd), formatNumber(s.halfWidth), formatNumber(s.lower), formatNumber(s.upper)];
}

/** Per metric (sorted by name): n, mean, sd and the 95% Student-t interval. */
export function summaryCiCsv(rows: ReadonlyArray<{ metric: string; summary: Summary }>): string {
  return csvText([[...SUMMARY_CI_COLUMNS], ...rows.map((r) => [r.metric, ...summaryCells(r.summary)])]);
}

/** sweep.csv: point, the varied values, replications, then per metric `<m>_mean`, `<m>_ci95` (half-width). */
export function sweepCsv(
  varyPaths: readonly string[],
  metrics: readonly string[],
  points: ReadonlyArray<{ point: number; values: readonly string[]; replications: number; summaries: ReadonlyMap<string, Summary> }>,
): string {
  const header = ['point', ...varyPaths, 'n', ...metrics.flatMap((m) => [`${m}_mean`, `${m}_ci95`])];
  const body = points.map((p) => [
    formatNumber(p.point),
    ...p.values,
    formatNumber(p.replications),
    ...metrics.flatMap((m) => {
      const s = p.summaries.get(m);
      return s === undefined ? ['', ''] : [formatNumber(s.mean), formatNumber(s.halfWidth)];
    }),
  ]);
  return csvText([header, ...body]);
}

export const COMPARE_COLUMNS = ['metric', 'a', 'b', 'n', 'mean_a', 'mean_b', 'diff_mean', 'diff_sd', 'diff_ci95_half_width', 'diff_ci95_lower', 'diff_ci95_upper', 'infeasible'] as const;

export function compareCsv(rows: ReadonlyArray<{ metric: string; a: string; b: string; meanA: number; meanB: number; diff: Summary; infeasible?: string }>): string {
  return csvText([
    [...COMPARE_COLUMNS],
    ...rows.map((r) => [r.metric, r.a, r.b, formatNumber(r.diff.n), formatNumber(r.meanA), formatNumber(r.meanB), formatNumber(r.diff.mean), formatNumber(r.diff.sd), formatNumber(r.diff.halfWidth), formatNumber(r.diff.lower), formatNumber(r.diff.upper), r.infeasible ?? '']),
  ]);
}

export const SIZE_COLUMNS = ['value', 'replications', 'mean', 'sd', 'bound95', 'verdict'] as const;

export function sizeCsv(rows: ReadonlyArray<{ value: number; n: number; mean: number; sd: number; bound: number; verdict: string }>): string {
  return csvText([[...SIZE_COLUMNS], ...rows.map((r) => [formatNumber(r.value), formatNumber(r.n), formatNumber(r.mean), formatNumber(r.sd), formatNumber(r.bound), r.verdict])]);
}

/** sweep-summary.csv / compare-summary.csv: leading key columns, then replication, seed, events and the metrics (sorted). */
export function keyedSummaryCsv(
  keyColumns: readonly string[],
  metrics: readonly string[],
  rows: ReadonlyArray<{ keys: readonly string[]; replication: number; seed: number; events: number; metrics: Readonly<Record<string, number>> }>,
): string {
  return csvText([
    [...keyColumns, 'replication', 'seed', 'events', ...metrics],
    ...rows.map((r) => [...r.keys, formatNumber(r.replication), formatNumber(r.seed), formatNumber(r.events), ...metrics.map((m) => (r.metrics[m] === undefined ? '' : formatNumber(r.metrics[m] as number)))]),
  ]);
}
