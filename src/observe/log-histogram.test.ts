import { describe, expect, test } from 'vitest';
import { exponential } from '../random/distributions.js';
import { streamFor } from '../random/stream.js';
import { LogHistogram } from './log-histogram.js';

describe('LogHistogram', () => {
  test('quantiles of exponential draws are within the 1 % bucket error of the exact ones', () => {
    const rng = streamFor(5, 0, 'sketch');
    const h = new LogHistogram();
    const values: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const x = exponential(rng, 10);
      h.add(x);
      values.push(x);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = values[Math.ceil(q * values.length) - 1]!;
      expect(Math.abs(h.quantile(q) / exact - 1), `q=${q}`).toBeLessThan(0.011);
    }
    expect(h.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
  });

  test('merging two halves equals one histogram of everything (exactly)', () => {
    const rng = streamFor(6, 0, 'merge');
    const all = new LogHistogram();
    const a = new LogHistogram();
    const b = new LogHistogram();
    for (let i = 0; i < 10_000; i++) {
      const x = exponential(rng, 2);
      all.add(x);
      (i % 2 === 0 ? a : b).add(x);
    }
    const merged = LogHistogram.fromData(a.toData());
    merged.merge(b.toData());
    expect(Array.from(merged.counts)).toEqual(Array.from(all.counts));
    expect(merged.quantile(0.95)).toBe(all.quantile(0.95));
    expect(merged.count).toBe(all.count);
  });

  test('empty gives NaN; zero and out-of-range values are clamped into the end buckets', () => {
    const h = new LogHistogram();
    expect(h.quantile(0.5)).toBeNaN();
    h.add(0);
    h.add(1e9);
    expect(h.counts[0]).toBe(1);
    expect(h.counts[h.counts.length - 1]).toBe(1);
    expect(() => h.merge(new LogHistogram({ minValue: 1, maxValue: 10, relativeResolution: 0.1 }))).toThrow(/different/);
  });
});
