/** The small results table `tapsim sweep` prints: one line per point, the varied values and the headline metrics with their 95 % CIs. Pure. */
import { csvNumber, readCsvTable } from './csv-read.js';
import { sig } from './sig.js';
import { maxOf } from '../arrays.js';
import { halfWidthHasSpread } from '../experiment/stats.js';

/** Columns of the printed table: metric, heading, scale. */
const SHOWN: ReadonlyArray<readonly [string, string, number]> = [
  ['gate_open_rate', 'gate open %', 100],
  ['wait_p95_s', 'wait p95 s', 1],
  ['tap_to_open_p95_ms', 'tap-to-open p95 ms', 1],
  ['wrong_gate_per_10k_taps', 'wrong-gate /10k', 1],
  ['wrong_card_per_10k_taps', 'wrong-card /10k', 1],
  ['collision_per_10k_taps', 'collision /10k', 1],
];

/**
 * "mean ± half" (2 significant digits on the half), "mean" without an interval, "mean (no spread)"
 * when every replication gave the same value (experiment/stats.ts halfWidthHasSpread; n is its own column).
 */
function cell(mean: number, half: number, scale: number): string {
  if (!Number.isFinite(mean)) return '–';
  if (!Number.isFinite(half)) return sig(mean * scale);
  return halfWidthHasSpread(half, mean) ? `${sig(mean * scale)} ± ${sig(half * scale, 2)}` : `${sig(mean * scale)} (no spread)`;
}

/** The table's lines from sweep.csv (header, then at most `maxRows` points, then "… and k more"). */
export function sweepTableLines(sweepCsvText: string, maxRows = 20): string[] {
  const t = readCsvTable(sweepCsvText);
  const nCol = t.col('n');
  const paths = t.header.slice(1, nCol);
  const shown = SHOWN.filter(([m]) => t.col(`${m}_mean`) >= 0);
  const header = ['point', ...paths.map((p) => p.split('.').pop() ?? p), 'n', ...shown.map(([, h]) => h)];
  const body = t.rows.slice(0, maxRows).map((row) => [
    row[0] ?? '',
    ...paths.map((_, i) => row[i + 1] ?? ''),
    row[nCol] ?? '',
    ...shown.map(([m, , scale]) => cell(csvNumber(row[t.col(`${m}_mean`)]), csvNumber(row[t.col(`${m}_ci95`)]), scale)),
  ]);
  const widths = header.map((h, c) => maxOf([h.length, ...body.map((r) => (r[c] ?? '').length)], 0));
  const line = (cells: readonly string[]): string => `  ${cells.map((s, c) => s.padEnd(widths[c] ?? 0)).join('  ')}`.trimEnd();
  const lines = [line(header), ...body.map(line)];
  if (t.rows.length > maxRows) lines.push(`  … and ${t.rows.length - maxRows} more point(s) in sweep.csv`);
  return lines;
}
