import { mmcReplication } from './mmc-run.js';
import { describe, expect, test } from 'vitest';
import { erlangB, erlangC, erlangCWaitExceeds, serversForPWait } from './erlang-c.js';

/** Two-sided 95 % Student t quantiles by degrees of freedom (1..10). */
const T95 = [NaN, 12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852];

function meanCi95(values: readonly number[]): { mean: number; half: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, half: (T95[n - 1] as number) * Math.sqrt(variance / n) };
}

describe('Erlang C analytic (docs/validation.md#v16)', () => {
  // λ = 2000 tps, mean service 10 ms, A = 20 Erl.
  const cases = [
    { c: 22, rho: 0.909091, pWait: 0.567915, wqMs: 2.83958, wMs: 12.8396, lq: 5.67915 },
    { c: 25, rho: 0.8, pWait: 0.209103, wqMs: 0.418206, wMs: 10.4182, lq: 0.836411 },
    { c: 30, rho: 0.666667, pWait: 0.0249505, wqMs: 0.0249505, wMs: 10.025, lq: 0.0499009 },
  ];
  for (const k of cases) {
    test(`c = ${k.c}`, () => {
      const r = erlangC(k.c, 2000, 0.01);
      // Independent reference: the textbook formula with A^k/k! summed directly (fine for c ≤ 30).
      const a = 20;
      let term = 1;
      let sum = 0;
      for (let j = 0; j < k.c; j++) {
        sum += term;
        term *= a / (j + 1);
      }
      const top = term / (1 - a / k.c); // A^c / (c!·(1 − ρ))
      const pWaitRef = top / (sum + top);
      const wqRef = pWaitRef / (k.c * 100 - 2000);
      const rel = (got: number, want: number): number => Math.abs(got - want) / want;
      expect(rel(r.pWait, pWaitRef)).toBeLessThan(1e-6);
      expect(rel(r.wqS, wqRef)).toBeLessThan(1e-6);
      expect(rel(r.wS, wqRef + 0.01)).toBeLessThan(1e-6);
      expect(rel(r.lq, 2000 * wqRef)).toBeLessThan(1e-6);
      // V16's table, to the digits it prints (6 significant): rounding ours gives the same digits.
      const sig6 = (x: number): number => Number(x.toPrecision(6));
      expect(sig6(r.utilisation)).toBe(k.rho);
      expect(sig6(r.pWait)).toBe(k.pWait);
      expect(sig6(r.wqS * 1e3)).toBe(k.wqMs);
      expect(sig6(r.wS * 1e3)).toBe(k.wMs);
      expect(sig6(r.lq)).toBe(k.lq);
      expect(r.offeredErlang).toBeCloseTo(20, 12);
    });
  }

  test('stable for thousands of servers and rejects ρ ≥ 1', () => {
    const r = erlangC(5000, 4900 / 0.2, 0.2);
    expect(Number.isFinite(r.pWait)).toBe(true);
    expect(r.pWait).toBeGreaterThan(0);
    expect(r.pWait).toBeLessThan(1);
    expect(erlangB(0, 3)).toBe(1);
    expect(() => erlangC(10, 1000, 0.01)).toThrow(/unstable/);
    expect(erlangC(1, 0.5, 1).pWait).toBeCloseTo(0.5, 12); // M/M/1: P(wait) = ρ
    expect(erlangCWaitExceeds(25, 2000, 0.01, 0)).toBeCloseTo(0.209103, 6);
    const c = serversForPWait(2000, 0.01, 0.05);
    expect(erlangC(c, 2000, 0.01).pWait).toBeLessThanOrEqual(0.05);
    expect(erlangC(c - 1, 2000, 0.01).pWait).toBeGreaterThan(0.05);
  });
});

describe('host as M/M/c matches Erlang C (V16) within the 95 % CI over replications', () => {
  const servers = 10;
  const serviceMeanS = 0.01;
  const replications = 10;
  const warmup = 10_000;
  const customers = 100_000;
  for (const rho of [0.5, 0.8, 0.95]) {
    test(`ρ = ${rho}, c = ${servers}`, () => {
      const lambda = (rho * servers) / serviceMeanS;
      const exact = erlangC(servers, lambda, serviceMeanS);
      const runs = Array.from({ length: replications }, (_, r) => mmcReplication(servers, lambda, serviceMeanS, warmup, customers, 20_240_607, r));
      const pw = meanCi95(runs.map((x) => x.pWait));
      const wq = meanCi95(runs.map((x) => x.wqS));
      const lq = meanCi95(runs.map((x) => x.lq));
      console.log(
        `ρ=${rho} c=${servers} λ=${lambda}/s: P(wait) sim ${pw.mean.toFixed(5)} ± ${pw.half.toFixed(5)} vs ${exact.pWait.toFixed(5)}; ` +
          `Wq sim ${(wq.mean * 1e3).toFixed(4)} ± ${(wq.half * 1e3).toFixed(4)} ms vs ${(exact.wqS * 1e3).toFixed(4)} ms; ` +
          `Lq sim ${lq.mean.toFixed(4)} ± ${lq.half.toFixed(4)} vs ${exact.lq.toFixed(4)}`,
      );
      expect(Math.abs(pw.mean - exact.pWait)).toBeLessThanOrEqual(pw.half);
      expect(Math.abs(wq.mean - exact.wqS)).toBeLessThanOrEqual(wq.half);
      // V16's own DES tolerance on P(wait) as a sanity bound as well.
      expect(Math.abs(pw.mean - exact.pWait)).toBeLessThan(0.01);
    });
  }
});
