/**
 * Probability distributions as plain functions of a RandomStream, plus the `Distribution`
 * union that scenario files use and one `sample(rng, d)` that draws from it.
 * Parameters are in the caller's units (the scenario schema names them).
 */
import type { RandomStream } from './stream.js';

/** Uniform on [min, max). */
export function uniform(rng: RandomStream, min: number, max: number): number {
  return min + (max - min) * rng.next01();
}

/** Exponential with the given mean (mean = 1/rate). */
export function exponential(rng: RandomStream, mean: number): number {
  return -mean * Math.log(1 - rng.next01());
}

/** Normal(mean, sd) by Box–Muller (two uniforms per draw; stateless, so streams stay reproducible). */
export function normal(rng: RandomStream, mean: number, sd: number): number {
  const u1 = 1 - rng.next01();
  const u2 = rng.next01();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Lognormal: exp(Normal(mu, sigma)) — mu and sigma of the underlying normal. */
export function lognormal(rng: RandomStream, mu: number, sigma: number): number {
  return Math.exp(normal(rng, mu, sigma));
}

/** z-scores of the standard normal at p = 0.95 and 0.99. */
export const Z95 = 1.6448536269514722;
export const Z99 = 2.3263478740408408;

/** Lognormal parameters from a median and a 95th (or 99th) percentile. */
export function lognormalFromMedianPercentile(median: number, percentileValue: number, percentile: 0.95 | 0.99): { mu: number; sigma: number } {
  if (!(median > 0) || !(percentileValue > median)) {
    throw new Error(`lognormal needs 0 < median < p${percentile * 100} (got median ${median}, p${percentile * 100} ${percentileValue})`);
  }
  const z = percentile === 0.95 ? Z95 : Z99;
  return { mu: Math.log(median), sigma: Math.log(percentileValue / median) / z };
}

/** Triangular on [min, max] with the given mode. */
export function triangular(rng: RandomStream, min: number, mode: number, max: number): number {
  const u = rng.next01();
  const cut = (mode - min) / (max - min);
  return u < cut
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Gamma(shape k, scale θ) by Marsaglia & Tsang (2000), with the k < 1 boost. */
export function gamma(rng: RandomStream, shape: number, scale: number): number {
  if (shape < 1) {
    const u = 1 - rng.next01();
    return gamma(rng, shape + 1, scale) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng, 0, 1);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next01();
    if (u < 1 - 0.0331 * x ** 4) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Weibull(shape k, scale λ) by inversion. */
export function weibull(rng: RandomStream, shape: number, scale: number): number {
  return scale * (-Math.log(1 - rng.next01())) ** (1 / shape);
}

/** Erlang(k phases) with the given overall mean (sum of k exponentials of mean/k). */
export function erlang(rng: RandomStream, phases: number, mean: number): number {
  let product = 1;
  for (let i = 0; i < phases; i++) product *= 1 - rng.next01();
  return (-mean / phases) * Math.log(product);
}

/** Bernoulli: true with probability p. */
export function bernoulli(rng: RandomStream, p: number): boolean {
  return rng.next01() < p;
}

/**
 * Empirical distribution as a piecewise-linear CDF through (value, cumulative probability)
 * points; values ascending, probabilities ascending from 0 to 1. Sampled by inversion.
 */
export function empiricalCdf(rng: RandomStream, values: readonly number[], cumulative: readonly number[]): number {
  const u = rng.next01();
  // The first hi in [1, n − 1] with cumulative[hi] ≥ u (n − 1 if none): binary search, `cumulative` ascends.
  let hi = 1;
  let top = cumulative.length - 1;
  while (hi < top) {
    const mid = (hi + top) >>> 1;
    if ((cumulative[mid] as number) < u) hi = mid + 1;
    else top = mid;
  }
  const p0 = cumulative[hi - 1] as number;
  const p1 = cumulative[hi] as number;
  const v0 = values[hi - 1] as number;
  const v1 = values[hi] as number;
  return p1 === p0 ? v1 : v0 + ((u - p0) / (p1 - p0)) * (v1 - v0);
}

/** A distribution as written in a scenario file (values in the field's documented unit). */
export type Distribution =
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { kind: 'lognormal'; mu: number; sigma: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'gamma'; shape: number; scale: number }
  | { kind: 'weibull'; shape: number; scale: number }
  | { kind: 'erlang'; phases: number; mean: number }
  | { kind: 'empirical'; values: readonly number[]; cumulative: readonly number[] };

/** Draw one value from a scenario distribution. A normal with min/max is truncated by rejection. */
export function sample(rng: RandomStream, d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return uniform(rng, d.min, d.max);
    case 'exponential':
      return exponential(rng, d.mean);
    case 'normal': {
      const lo = d.min ?? -Infinity;
      const hi = d.max ?? Infinity;
      for (let i = 0; i < 1000; i++) {
        const x = normal(rng, d.mean, d.sd);
        if (x >= lo && x <= hi) return x;
      }
      return Math.min(hi, Math.max(lo, d.mean));
    }
    case 'lognormal':
      return lognormal(rng, d.mu, d.sigma);
    case 'triangular':
      return triangular(rng, d.min, d.mode, d.max);
    case 'gamma':
      return gamma(rng, d.shape, d.scale);
    case 'weibull':
      return weibull(rng, d.shape, d.scale);
    case 'erlang':
      return erlang(rng, d.phases, d.mean);
    case 'empirical':
      return empiricalCdf(rng, d.values, d.cumulative);
  }
}

/** The mean of a scenario distribution (untruncated normal; numeric for empirical). */
export function meanOf(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
    case 'erlang':
      return d.mean;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'gamma':
      return d.shape * d.scale;
    case 'weibull': {
      return d.scale * gammaFunction(1 + 1 / d.shape);
    }
    case 'empirical': {
      let m = 0;
      for (let i = 1; i < d.values.length; i++) {
        const dp = (d.cumulative[i] as number) - (d.cumulative[i - 1] as number);
        m += dp * (((d.values[i] as number) + (d.values[i - 1] as number)) / 2);
      }
      return m;
    }
  }
}

/** Γ(x) by the Lanczos approximation (g = 7, n = 9); relative error < 1e-13 for x > 0. */
export function gammaFunction(x: number): number {
  const g = 7;
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFunction(1 - x));
  const xm = x - 1;
  let a = coefficients[0] as number;
  const t = xm + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += (coefficients[i] as number) / (xm + i);
  return Math.sqrt(2 * Math.PI) * t ** (xm + 0.5) * Math.exp(-t) * a;
}
