/**
 * Coverage of the 95 % Student-t CIs over replications (stats.ts summarize), with per-replication
 * quantiles from the FINE sketch as a run computes them (station-metrics.ts): i.i.d. lognormal
 * draws, 10 000 per replication, 10 replications per experiment, 1 000 experiments (seeded). The
 * CI of the p95 and of the mean must cover the exact value a number of times inside the central
 * 99.9 % binomial interval around 95 % of 1 000 (926 … 971; a correct procedure fails this one
 * time in 1 000 seeds, and this seed is fixed). Runs in ≈ 15 s on one core.
 */
import { describe, expect, test } from 'vitest';
import { Z95 } from '../random/distributions.js';
import { streamFor, type RandomStream } from '../random/stream.js';
import { FINE_SECONDS, QuantileSketch } from '../observe/quantile-sketch.js';
import { summarize } from './stats.js';

const MU = -1.5;
const SIGMA = 0.8;
const DRAWS = 10_000;
const REPLICATIONS = 10;
const EXPERIMENTS = 1_000;
const SEED = 20_261_202;

/** `count` (even) i.i.d. lognormal(MU, SIGMA) draws into `sketch`: Box–Muller, both normals of each pair. */
function addLognormals(sketch: QuantileSketch, rng: RandomStream, count: number): void {
  for (let i = 0; i < count; i += 2) {
    const r = SIGMA * Math.sqrt(-2 * Math.log(1 - rng.next01()));
    const a = 2 * Math.PI * rng.next01();
    sketch.add(Math.exp(MU + r * Math.cos(a)));
    sketch.add(Math.exp(MU + r * Math.sin(a)));
  }
}

/** ln C(n, k). */
function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i);
  return s;
}

/** Central `level` interval [lo, hi] of Binomial(n, p): P(X < lo) ≤ (1 − level)/2 and P(X > hi) ≤ (1 − level)/2. */
export function binomialCentral(n: number, p: number, level: number): [number, number] {
  const tail = (1 - level) / 2;
  const pmf = Array.from({ length: n + 1 }, (_, k) => Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p)));
  let lo = 0;
  for (let below = 0; below + (pmf[lo] as number) <= tail; lo++) below += pmf[lo] as number;
  let hi = n;
  for (let above = 0; above + (pmf[hi] as number) <= tail; hi--) above += pmf[hi] as number;
  return [lo, hi];
}

describe('95 % CIs over replications cover (lognormal, FINE sketch per replication)', () => {
  test('binomialCentral: the 99.9 % interval around 950 of 1 000', () => {
    expect(binomialCentral(1000, 0.95, 0.999)).toEqual([926, 971]);
    expect(binomialCentral(10, 0.5, 0.9)).toEqual([2, 8]);
  });

  test(`p95 and mean: ${EXPERIMENTS} experiments × ${REPLICATIONS} replications × ${DRAWS} draws`, () => {
    const exactP95 = Math.exp(MU + SIGMA * Z95);
    const exactMean = Math.exp(MU + (SIGMA * SIGMA) / 2);
    const sketch = new QuantileSketch(FINE_SECONDS);
    let coveredP95 = 0;
    let coveredMean = 0;
    let spreadP95 = 0;
    for (let e = 0; e < EXPERIMENTS; e++) {
      const rng = streamFor(SEED, e, 'coverage:lognormal');
      const p95s: number[] = [];
      const means: number[] = [];
      for (let r = 0; r < REPLICATIONS; r++) {
        sketch.reset();
        addLognormals(sketch, rng, DRAWS);
        p95s.push(sketch.quantile(0.95));
        means.push(sketch.mean);
      }
      const p = summarize(p95s);
      const m = summarize(means);
      if (p.halfWidth > 0) spreadP95++;
      if (p.lower <= exactP95 && exactP95 <= p.upper) coveredP95++;
      if (m.lower <= exactMean && exactMean <= m.upper) coveredMean++;
    }
    const [lo, hi] = binomialCentral(EXPERIMENTS, 0.95, 0.999);
    console.log(`coverage of 95 % CIs over ${REPLICATIONS} replications, ${EXPERIMENTS} experiments: p95 ${coveredP95}, mean ${coveredMean} (accepted ${lo} … ${hi})`);
    expect(spreadP95).toBe(EXPERIMENTS); // the FINE sketch never collapses the per-replication p95s
    expect(coveredP95).toBeGreaterThanOrEqual(lo);
    expect(coveredP95).toBeLessThanOrEqual(hi);
    expect(coveredMean).toBeGreaterThanOrEqual(lo);
    expect(coveredMean).toBeLessThanOrEqual(hi);
  }, 120_000);
});
