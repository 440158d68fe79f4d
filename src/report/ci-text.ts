/**
 * The one way tapsim prints a confidence interval for people (terminal, report tables): always
 * with the number of replications, never "± 0".
 *   - spread:        "12.3 ± 0.4 (n = 10)"
 *   - every value equal (experiment/stats.ts hasSpread): "12.3 (no spread across 10 replications)"
 *   - one value:     "12.3 (n = 1)"; none: "–"
 * Paired differences (compare): "identical (n = 10)" when every difference is exactly 0, a star
 * only when significant (stats.ts isSignificant: spread and the 95 % CI excludes 0).
 */
import { hasSpread, isIdentical, isSignificant, type Summary } from '../experiment/stats.js';
import { formatNumber } from './summary-csv.js';

type Format = (v: number) => string;

/** "no spread across 1 replication" / "… across 3 replications". */
function replications(n: number): string {
  return `${n} replication${n === 1 ? '' : 's'}`;
}

/** Mean ± 95 % half-width of `s`, with n (see the cases above). */
export function ciText(s: Pick<Summary, 'n' | 'mean' | 'sd' | 'halfWidth'>, format: Format = formatNumber): string {
  if (s.n === 0 || Number.isNaN(s.mean)) return '–';
  if (s.n === 1) return `${format(s.mean)} (n = 1)`;
  if (!hasSpread(s)) return `${format(s.mean)} (no spread across ${replications(s.n)})`;
  return `${format(s.mean)} ± ${format(s.halfWidth)} (n = ${s.n})`;
}

/** A paired difference: "identical (n = N)", a ciText with " *" when significant. */
export function diffText(diff: Summary, format: Format = formatNumber): string {
  if (diff.n === 0 || Number.isNaN(diff.mean)) return '—';
  if (isIdentical(diff)) return `identical (n = ${diff.n})`;
  return `${ciText(diff, format)}${isSignificant(diff) ? ' *' : ''}`;
}

/**
 * A sizing evaluation: "mean 885.2, 95% bound 912.4 over 10 replications", or, with every value
 * equal, "mean 885.2, no spread across 2 replications: no bound claimed, verdict from the value itself".
 */
export function boundText(e: { n: number; mean: number; sd: number; bound: number }, format: Format = (v) => v.toPrecision(4)): string {
  const over = `${e.n} replication${e.n === 1 ? '' : 's'}`;
  if (e.n >= 2 && !hasSpread(e)) return `mean ${format(e.mean)}, no spread across ${over}: no bound claimed, verdict from the value itself`;
  return `mean ${format(e.mean)}, 95% bound ${Number.isFinite(e.bound) ? format(e.bound) : '–'} over ${over}`;
}
