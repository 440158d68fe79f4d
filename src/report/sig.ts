/** Numbers for people in the report pages and summaries. */

/** A number for people: 3 significant digits (4 with `digits`), grouping-free integers ≥ 1000, '–' for NaN. */
export function sig(v: number, digits = 3): string {
  if (Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  let s: string;
  if (abs >= 10 ** digits) s = String(Math.round(v));
  else if (abs >= 1e-3) s = String(Number(v.toPrecision(digits)));
  else s = v.toExponential(digits - 1);
  return s.replace(/^-/, '−');
}
