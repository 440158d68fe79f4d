/** summary.csv and the fixed number format of every CSV file tapsim writes (docs/architecture.md#rule-11). */
import { stringify } from 'csv-stringify/sync';

/**
 * Fixed number format: integers as integers; otherwise up to 6 significant digits without an
 * exponent for 1e-6 ≤ |x| < 1e15, trailing zeros removed; exponent form outside that range;
 * NaN, Inf, -Inf spelled out; -0 as 0.
 */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (Number.isInteger(x) && abs < 1e15) return String(x);
  if (abs >= 1e-6 && abs < 1e15) {
    const decimals = Math.min(20, Math.max(0, 5 - Math.floor(Math.log10(abs))));
    const text = stripZeros(x.toFixed(decimals));
    return text === '-0' ? '0' : text;
  }
  const [mantissa, exponent] = x.toExponential(5).split('e');
  return `${stripZeros(mantissa ?? '')}e${exponent ?? ''}`;
}

function stripZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** One summary row per replication. */
export interface SummaryRow {
  replication: number;
  seed: number;
  events: number;
  metrics: Readonly<Record<string, number>>;
}

/** summary.csv: `replication,seed,events,` then metric names sorted (union over rows); empty cell for a missing metric. */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))].sort();
  const header = ['replication', 'seed', 'events', ...names];
  const body = rows.map((r) => [
    formatNumber(r.replication),
    formatNumber(r.seed),
    formatNumber(r.events),
    ...names.map((n) => (r.metrics[n] === undefined ? '' : formatNumber(r.metrics[n] as number))),
  ]);
  return stringify([header, ...body], { record_delimiter: '\n' });
}
