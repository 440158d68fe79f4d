/**
 * One line of `tapsim verify`: an analytic case of docs/validation.md checked against the code
 * the simulator runs. Pure data plus the helpers that decide pass/fail from a stated tolerance.
 */

/** Families: one figure each in the verify report. */
export const VERIFY_FAMILIES = ['link-timing', 'anticollision', 'radio', 'physics', 'rcc', 'backend', 'gate'] as const;
export type VerifyFamily = (typeof VERIFY_FAMILIES)[number];

export const FAMILY_TITLES: Readonly<Record<VerifyFamily, string>> = {
  'link-timing': 'ISO 14443 link timing (V1–V4)',
  anticollision: 'Anticollision (V5–V7)',
  radio: '2.45 GHz radio: ALOHA and path loss (V8, V14)',
  physics: '13.56 MHz physics (V9–V13, V20)',
  rcc: 'RCC LF distance control (V15)',
  backend: 'Backend host queue, M/M/c (V16)',
  gate: 'Gate queue, throughput and sizing (V17–V19)',
};

export interface VerifyRow {
  /** docs/validation.md case id, e.g. "V9". */
  caseId: string;
  family: VerifyFamily;
  /** What is compared, with inputs (and the [E] inputs of a † case). */
  quantity: string;
  /** The value in docs/validation.md (its printed number, or an exact count). */
  expected: number;
  /** What tapsim's code produced (the function's value, or the simulation estimate). */
  simulated: number;
  /** The tolerance as text, with the 95 % CI and trial count of a simulated row. */
  tolerance: string;
  /** Allowed |simulated − expected| (0 = exact). */
  toleranceAbs: number;
  pass: boolean;
  kind: 'analytic' | 'simulated';
  /** 95 % CI half-width of a simulated estimate. */
  ciHalfWidth?: number;
  /** Trials, rounds, slots, customers or passengers behind a simulated estimate. */
  trials?: number;
  /** Short label for figures (default: case id + quantity). */
  label?: string;
}

/** Half a unit in the last printed digit of a number written as text ("9.43953" → 5e-6). */
export function halfUnitOfLastDigit(printed: string): number {
  const mantissa = printed.trim().toLowerCase().split('e');
  const body = mantissa[0] ?? '';
  const exponent = mantissa[1] === undefined ? 0 : Number(mantissa[1]);
  const dot = body.indexOf('.');
  const decimals = dot < 0 ? 0 : body.length - dot - 1;
  return 0.5 * 10 ** (exponent - decimals);
}

/** Tolerance of an analytic row. */
export type AnalyticTolerance =
  | { kind: 'digits' }
  | { kind: 'exact' }
  | { kind: 'abs'; abs: number; unit?: string }
  /** Relative, but never tighter than half a unit of the printed digit (the printed value is itself rounded). */
  | { kind: 'rel'; rel: number };

function fmtTol(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

/**
 * An analytic row: `expected` is the text printed in docs/validation.md (or a number for exact counts),
 * `got` is what tapsim's function returned.
 */
export function analyticRow(
  caseId: string,
  family: VerifyFamily,
  quantity: string,
  expected: string | number,
  got: number,
  tol: AnalyticTolerance = { kind: 'digits' },
): VerifyRow {
  const text = typeof expected === 'string' ? expected : String(expected);
  const e = Number(text);
  if (!Number.isFinite(e)) throw new Error(`verify ${caseId}: expected value ${JSON.stringify(text)} is not a number`);
  let toleranceAbs: number;
  let tolerance: string;
  switch (tol.kind) {
    case 'exact':
      toleranceAbs = 0;
      tolerance = 'exact';
      break;
    case 'digits':
      toleranceAbs = halfUnitOfLastDigit(text);
      tolerance = `printed digits (±${fmtTol(toleranceAbs)})`;
      break;
    case 'abs':
      toleranceAbs = tol.abs;
      tolerance = `±${fmtTol(tol.abs)}${tol.unit !== undefined ? ` ${tol.unit}` : ''}`;
      break;
    case 'rel': {
      const half = halfUnitOfLastDigit(text);
      const relAbs = tol.rel * Math.abs(e);
      toleranceAbs = Math.max(relAbs, half);
      tolerance = relAbs >= half ? `relative ${fmtTol(tol.rel)}` : `relative ${fmtTol(tol.rel)}, widened to the printed digits (±${fmtTol(half)})`;
      break;
    }
  }
  const diff = Math.abs(got - e);
  // A hair of slack for the decimal → binary conversion of the printed value itself.
  const pass = Number.isFinite(got) && (toleranceAbs === 0 ? got === e : diff <= toleranceAbs * (1 + 1e-9) + Math.abs(e) * 1e-15);
  return { caseId, family, quantity, expected: e, simulated: got, tolerance, toleranceAbs, pass, kind: 'analytic' };
}

/** A simulated estimate: mean, 95 % CI half-width and the count behind it. */
export interface Estimate {
  mean: number;
  halfWidth: number;
  trials: number;
}

/** A simulated row: pass when |mean − expected| ≤ the stated tolerance (absolute, or relative to expected). */
export function simulatedRow(
  caseId: string,
  family: VerifyFamily,
  quantity: string,
  expected: string | number,
  est: Estimate,
  tol: { abs: number } | { rel: number },
  options: { note?: string; label?: string } = {},
): VerifyRow {
  const note = options.note ?? '';
  const e = typeof expected === 'string' ? Number(expected) : expected;
  const toleranceAbs = 'abs' in tol ? tol.abs : tol.rel * Math.abs(e);
  const tolText = 'abs' in tol ? `±${fmtTol(tol.abs)}` : `±${fmtTol(tol.rel * 100)} %`;
  const ci = Number.isFinite(est.halfWidth) ? `95% CI ±${fmtTol(est.halfWidth)}` : '95% CI n/a';
  const pass = Number.isFinite(est.mean) && Math.abs(est.mean - e) <= toleranceAbs;
  return {
    caseId,
    family,
    quantity,
    expected: e,
    simulated: est.mean,
    tolerance: `${tolText}; ${ci}; n=${est.trials}${note !== '' ? `; ${note}` : ''}`,
    toleranceAbs,
    pass,
    kind: 'simulated',
    ciHalfWidth: est.halfWidth,
    trials: est.trials,
    ...(options.label !== undefined ? { label: options.label } : {}),
  };
}

/** (simulated − expected) in units of the tolerance: |x| ≤ 1 passes. ±Infinity for a failed exact row. */
export function normalisedError(row: VerifyRow): number {
  const d = row.simulated - row.expected;
  if (row.toleranceAbs > 0) return d / row.toleranceAbs;
  if (d === 0) return 0;
  return Number.isNaN(d) ? NaN : d > 0 ? Infinity : -Infinity;
}
