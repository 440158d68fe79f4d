import { describe, expect, test } from 'vitest';
import {
  bernoulli, empiricalCdf, erlang, exponential, gamma, gammaFunction, lognormal, lognormalFromMedianPercentile, meanOf, normal,
  sample, triangular, uniform, weibull, type Distribution,
} from './distributions.js';
import { streamFor } from './stream.js';

const N = 100_000;

function moments(draw: () => number): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < N; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / N;
  return { mean, variance: sumSq / N - mean * mean };
}

/** Mean within 5 standard errors and variance within 5% — fixed seed, so stable. */
function expectMoments(name: string, draw: () => number, mean: number, variance: number): void {
  const m = moments(draw);
  const se = Math.sqrt(variance / N);
  expect(Math.abs(m.mean - mean), `${name} mean ${m.mean} vs ${mean}`).toBeLessThan(5 * se);
  expect(Math.abs(m.variance / variance - 1), `${name} variance ${m.variance} vs ${variance}`).toBeLessThan(0.05);
}

describe('distribution moments over 1e5 seeded draws', () => {
  const rng = streamFor(2024, 0, 'distributions');
  test('uniform', () => expectMoments('uniform', () => uniform(rng, 2, 6), 4, 16 / 12));
  test('exponential', () => expectMoments('exponential', () => exponential(rng, 3), 3, 9));
  test('normal', () => expectMoments('normal', () => normal(rng, -1, 2), -1, 4));
  test('lognormal', () => {
    const mu = 0.2, sigma = 0.5;
    const mean = Math.exp(mu + sigma ** 2 / 2);
    expectMoments('lognormal', () => lognormal(rng, mu, sigma), mean, (Math.exp(sigma ** 2) - 1) * mean * mean);
  });
  test('triangular', () => {
    const [a, c, b] = [1, 2, 6];
    expectMoments('triangular', () => triangular(rng, a, c, b), (a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18);
  });
  test('gamma with shape ≥ 1 and < 1', () => {
    expectMoments('gamma(2.5, 2)', () => gamma(rng, 2.5, 2), 5, 10);
    expectMoments('gamma(0.5, 3)', () => gamma(rng, 0.5, 3), 1.5, 4.5);
  });
  test('weibull', () => {
    const k = 1.5, lambda = 2;
    const g1 = gammaFunction(1 + 1 / k), g2 = gammaFunction(1 + 2 / k);
    expectMoments('weibull', () => weibull(rng, k, lambda), lambda * g1, lambda * lambda * (g2 - g1 * g1));
  });
  test('erlang', () => expectMoments('erlang', () => erlang(rng, 4, 2), 2, 1));
  test('bernoulli', () => expectMoments('bernoulli', () => (bernoulli(rng, 0.3) ? 1 : 0), 0.3, 0.21));
  test('empirical piecewise-linear CDF (uniform pieces)', () => {
    // CDF through (0,0), (1,0.5), (3,1): half the mass uniform on [0,1], half on [1,3].
    const mean = 0.5 * 0.5 + 0.5 * 2;
    const ex2 = 0.5 * (1 / 3) + 0.5 * ((27 - 1) / 3 / 2);
    expectMoments('empirical', () => empiricalCdf(rng, [0, 1, 3], [0, 0.5, 1]), mean, ex2 - mean * mean);
  });
});

describe('helpers', () => {
  test('lognormal from median and p95 reproduces both quantiles', () => {
    const { mu, sigma } = lognormalFromMedianPercentile(0.3, 0.8, 0.95);
    const rng = streamFor(1, 0, 'lognormal-quantiles');
    const draws = Array.from({ length: N }, () => lognormal(rng, mu, sigma)).sort((a, b) => a - b);
    expect(draws[N / 2]!).toBeCloseTo(0.3, 2);
    expect(draws[Math.floor(0.95 * N)]!).toBeCloseTo(0.8, 1);
    expect(() => lognormalFromMedianPercentile(1, 0.5, 0.99)).toThrow(/median/);
  });

  test('gamma function matches factorials and Γ(1/2) = √π', () => {
    expect(gammaFunction(5)).toBeCloseTo(24, 10);
    expect(gammaFunction(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 12);
  });

  test('sample() dispatches every kind and meanOf agrees with the sample mean', () => {
    const kinds: Distribution[] = [
      { kind: 'constant', value: 4 },
      { kind: 'uniform', min: 1, max: 3 },
      { kind: 'exponential', mean: 2 },
      { kind: 'normal', mean: 5, sd: 1 },
      { kind: 'lognormal', mu: 0, sigma: 0.25 },
      { kind: 'triangular', min: 0, mode: 1, max: 2 },
      { kind: 'gamma', shape: 3, scale: 1 },
      { kind: 'weibull', shape: 2, scale: 1 },
      { kind: 'erlang', phases: 3, mean: 1.5 },
      { kind: 'empirical', values: [0, 10], cumulative: [0, 1] },
    ];
    const rng = streamFor(3, 0, 'sample');
    for (const d of kinds) {
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += sample(rng, d);
      expect(sum / 20_000, d.kind).toBeCloseTo(meanOf(d), 1);
    }
  });

  test('a normal with bounds is truncated', () => {
    const rng = streamFor(3, 0, 'trunc');
    for (let i = 0; i < 2000; i++) {
      const x = sample(rng, { kind: 'normal', mean: 0, sd: 1, min: -0.5, max: 0.5 });
      expect(x >= -0.5 && x <= 0.5).toBe(true);
    }
  });
});

describe('empiricalCdf: binary search', () => {
  /** The linear scan it replaced (issue 14: O(table) per draw). */
  function linearEmpirical(u: number, values: readonly number[], cumulative: readonly number[]): number {
    let hi = 1;
    while (hi < cumulative.length - 1 && (cumulative[hi] as number) < u) hi++;
    const p0 = cumulative[hi - 1] as number;
    const p1 = cumulative[hi] as number;
    const v0 = values[hi - 1] as number;
    const v1 = values[hi] as number;
    return p1 === p0 ? v1 : v0 + ((u - p0) / (p1 - p0)) * (v1 - v0);
  }

  test('draws exactly what the linear scan drew, ties and flat steps included', () => {
    const shapes = streamFor(7, 0, 'empirical-shapes');
    for (let k = 0; k < 200; k++) {
      const n = 2 + Math.floor(shapes.next01() * 40);
      // Ascending probabilities from 0 to 1 with repeated values (flat steps).
      const raw = Array.from({ length: n - 2 }, () => Math.round(shapes.next01() * 8) / 8).sort((a, b) => a - b);
      const cumulative = [0, ...raw, 1];
      const values = cumulative.map((_, i) => i * 1.5 + (shapes.next01() < 0.2 ? 0 : shapes.next01()));
      for (let i = 1; i < values.length; i++) values[i] = Math.max(values[i] as number, values[i - 1] as number);
      const a = streamFor(11, k, 'draw');
      const b = streamFor(11, k, 'draw');
      for (let d = 0; d < 50; d++) {
        const drawn = empiricalCdf(a, values, cumulative);
        expect(drawn).toBe(linearEmpirical(b.next01(), values, cumulative));
      }
    }
  });
});
