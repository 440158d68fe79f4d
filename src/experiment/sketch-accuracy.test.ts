/**
 * Acceptance of the FINE sketch in a real run: metro-station-am-peak shortened, every value each
 * per-replication sketch takes is also kept, and the sketch's p50/p95/p99 are compared with the
 * exact nearest-rank quantiles of the same samples (≤ 2^−11 ≈ 0.0489 % < 0.1 %). Over three
 * replications the 95 % CI of a quantile has half-width > 0 whenever the exact values differ.
 * (The 1e6 lognormal and exponential draws: observe/quantile-sketch.test.ts.)
 */
import { describe, expect, test } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import { buildWorld } from '../scenario/build.js';
import { buildWorldState } from '../station/world.js';
import type { QuantileSketch } from '../observe/quantile-sketch.js';
import { summarize } from './stats.js';

const BOUND = 2 ** -11;
const QS = [0.5, 0.95, 0.99] as const;

/** Nearest rank, as the sketch defines it: x[max(1, ⌈q·n⌉) − 1] of the sorted values. */
function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
}

/** Keep every value added to `sketch` in `into`. */
function keep(sketch: QuantileSketch, into: number[]): void {
  const add = sketch.add.bind(sketch);
  sketch.add = (v: number): void => {
    into.push(v);
    add(v);
  };
}

type Kept = Map<string, { sketch: QuantileSketch; values: number[] }>;

async function replication(r: number): Promise<Kept> {
  const { scenario } = await loadScenario('scenarios/metro-station-am-peak.yaml', { overrides: [{ path: 'duration', value: '25 min', source: 'test' }, { path: 'warmup', value: '2 min', source: 'test' }] });
  const cfg = buildWorld(scenario);
  const state = buildWorldState(cfg, scenario.seed, r);
  const kept: Kept = new Map();
  const watch = (name: string, sketch: QuantileSketch): void => {
    const values: number[] = [];
    keep(sketch, values);
    kept.set(name, { sketch, values });
  };
  const m = state.metrics;
  watch('wait', m.wait);
  watch('timeInSystem', m.timeInSystem);
  watch('transactionTime', m.transactionTime);
  watch('tapToOpen', m.tapToOpen);
  watch('authorisation', state.authorisation);
  const latency = m.latency.bind(m);
  m.latency = (carrier, band, latencyS): void => {
    latency(carrier, band, latencyS);
    const key = `latency ${carrier}|${band}`;
    if (!kept.has(key)) watch(key, m.tapLatency.get(`${carrier}|${band}`) as QuantileSketch);
    if ((kept.get(key) as { values: number[] }).values.length === 0) (kept.get(key) as { values: number[] }).values.push(latencyS); // the first value went in before the watch
  };
  state.kernel.run(cfg.durationNs);
  return kept;
}

describe('FINE sketch against the exact quantiles of the same samples (metro-station-am-peak, 25 min)', () => {
  test('p50, p95, p99 within 0.0489 % per replication; CI half-width > 0 where the exact values differ', async () => {
    const reps = [await replication(0), await replication(1), await replication(2)];
    let compared = 0;
    for (const [name] of reps[0] as Kept) {
      for (const q of QS) {
        const exact: number[] = [];
        const sketched: number[] = [];
        for (const kept of reps) {
          const k = kept.get(name);
          if (k === undefined || k.values.length === 0) continue;
          expect(k.values.length, name).toBe(k.sketch.count);
          const x = exactQuantile(Float64Array.from(k.values).sort(), q);
          const y = k.sketch.quantile(q);
          expect(Math.abs(y - x), `${name} p${q * 100}: sketch ${y}, exact ${x}`).toBeLessThanOrEqual(BOUND * x);
          exact.push(x);
          sketched.push(y);
          compared++;
        }
        if (new Set(exact).size > 1) expect(summarize(sketched).halfWidth, `${name} p${q * 100}: exact ${exact.join(', ')}`).toBeGreaterThan(0);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(3 * 3 * 6);
    expect((reps[0] as Kept).get('wait')?.values.length).toBeGreaterThan(1000);
  }, 120_000);
});
