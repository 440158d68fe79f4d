/**
 * Statistics for replications: Student-t quantiles, mean / sd / 95% confidence intervals, paired
 * differences (common random numbers), and the relative half-width used by sequential stopping.
 * Non-finite values (a rate with no taps is NaN) are left out: n counts finite values only.
 */

/** ln Γ(x), Lanczos (g = 7, n = 9), |error| < 1e-13 for x > 0. */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the regularized incomplete beta (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Student-t CDF with `df` degrees of freedom (df may be fractional; Infinity → normal). */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) return NaN;
  if (df === Infinity) return normalCdf(t);
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Standard normal CDF (erfc Chebyshev fit, Numerical Recipes, |relative error| < 1.2e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Standard normal quantile (Acklam's rational approximation, |relative error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return NaN;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const tail = (q: number): number => (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom (0 < p < 1, df > 0): bisection on
 * the CDF to 1e-12, then a Newton polish. tQuantile(0.975, 10) = 2.2281.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (df > 1e7) return normalQuantile(p);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
    if (hi > 1e12) return Infinity;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface Summary {
  /** Finite values counted. */
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); NaN for n < 2. */
  sd: number;
  /** Half-width of the two-sided CI at `level` (t quantile × sd/√n); NaN for n < 2. */
  halfWidth: number;
  lower: number;
  upper: number;
}

/** Mean, sd and the two-sided `level` (default 0.95) Student-t confidence interval of the finite values. */
export function summarize(values: readonly number[], level = 0.95): Summary {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, halfWidth: NaN, lower: NaN, upper: NaN };
  // Welford: stable for large, nearly equal values.
  let mean = 0;
  let m2 = 0;
  xs.forEach((x, i) => {
    const d = x - mean;
    mean += d / (i + 1);
    m2 += d * (x - mean);
  });
  if (n < 2) return { n, mean, sd: NaN, halfWidth: NaN, lower: NaN, upper: NaN };
  const sd = Math.sqrt(m2 / (n - 1));
  const halfWidth = tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth };
}

/** Paired differences a[i] − b[i] over the pairs where both are finite. */
export function pairedDifference(a: readonly number[], b: readonly number[], level = 0.95): Summary {
  const diffs: number[] = [];
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (Number.isFinite(x) && Number.isFinite(y)) diffs.push(x - y);
  }
  return summarize(diffs, level);
}

/**
 * One-sided bound at `level`: the upper (for "≤" service levels) or lower (for "≥") confidence
 * bound of the mean; NaN for n < 2. With every value equal (sd 0, see `hasSpread`) it is the mean
 * itself, which is no confidence bound: callers that print one say so (orchestrate/size.ts).
 */
export function oneSidedBound(values: readonly number[], side: 'upper' | 'lower', level = 0.95): { n: number; mean: number; sd: number; bound: number } {
  const s = summarize(values);
  if (s.n < 2) return { n: s.n, mean: s.mean, sd: s.sd, bound: NaN };
  const h = tQuantile(level, s.n - 1) * (s.sd / Math.sqrt(s.n));
  return { n: s.n, mean: s.mean, sd: s.sd, bound: side === 'upper' ? s.mean + h : s.mean - h };
}

/**
 * Whether the values spread at all: at least two finite values and sd > 0. With every value equal
 * the Student-t interval has half-width 0, which says nothing about the uncertainty (a quantile
 * stuck in one bucket, a count that never moved): such a summary gets no "± 0", is never
 * significant and never meets a half-width target. (Welford's sd of equal values is exactly 0;
 * an sd within round-off of the mean, below, counts as none.)
 */
export function hasSpread(s: Pick<Summary, 'n' | 'sd' | 'mean'>): boolean {
  return s.n >= 2 && s.sd > SPREAD_FLOOR * Math.abs(s.mean);
}

/**
 * An sd below 1e-9 of the mean is round-off of equal values, not spread: the differences of
 * 28.5833… − 28.75 in two replications differ in the last bits (sd 2e-15).
 */
const SPREAD_FLOOR = 1e-9;

/**
 * The same rule from a 95 % half-width where the sd is not kept (sweep.csv, compare.csv figures):
 * a half-width below 1e-9 of the mean is round-off of equal values.
 */
export function halfWidthHasSpread(halfWidth: number, mean: number): boolean {
  return halfWidth > SPREAD_FLOOR * Math.abs(mean);
}

/** A paired difference is significant when its values spread and its 95 % CI excludes 0. */
export function isSignificant(diff: Summary): boolean {
  return hasSpread(diff) && (diff.lower > 0 || diff.upper < 0);
}

/** Every paired difference is exactly 0 (at least one pair). */
export function isIdentical(diff: Summary): boolean {
  return diff.n >= 1 && diff.mean === 0 && (diff.n === 1 || diff.sd === 0);
}

/**
 * Relative half-width |halfWidth / mean| of the 95% CI: Infinity while undefined (n < 2, no
 * spread — every value equal, see `hasSpread` — or mean 0 with spread).
 */
export function relativeHalfWidth(s: Summary): number {
  if (!Number.isFinite(s.halfWidth) || !hasSpread(s)) return Infinity;
  if (s.mean === 0) return Infinity;
  return Math.abs(s.halfWidth / s.mean);
}
