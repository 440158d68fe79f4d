import { describe, expect, test } from 'vitest';
import { streamFor } from '../random/stream.js';
import { LogHistogram, histogramQuantile, mergeHistogramData } from './log-histogram.js';

describe('log histogram', () => {
  test('quantiles within the 2 % bucket resolution', () => {
    const h = new LogHistogram();
    const rng = streamFor(1, 0, 'h');
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const v = Math.exp(Math.log(1e4) + 10 * rng.next01()); // 10 µs .. 220 ms, log-uniform
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.01, 0.5, 0.9, 0.99, 0.999]) {
      const exact = values[Math.ceil(q * values.length) - 1] as number;
      expect(Math.abs(h.quantile(q) / exact - 1)).toBeLessThan(0.011);
    }
    expect(h.quantile(0)).toBeGreaterThanOrEqual(h.min);
    expect(h.quantile(1)).toBe(h.max);
    expect(h.bucketCount).toBe(931);
  });

  test('merge equals recording everything in one; plain data round-trips', () => {
    const a = new LogHistogram();
    const b = new LogHistogram();
    const all = new LogHistogram();
    for (let i = 1; i <= 1000; i++) {
      const v = i * 1e5;
      (i % 3 === 0 ? a : b).record(v);
      all.record(v);
    }
    a.record(10); // underflow
    all.record(10);
    b.record(1e12); // overflow
    all.record(1e12);
    const merged = LogHistogram.fromData(a.toData()).merge(b);
    expect(merged.toData()).toEqual(all.toData());
    expect(mergeHistogramData(a.toData(), b.toData())).toEqual(all.toData());
    expect(histogramQuantile(all.toData(), 0.5)).toBe(all.quantile(0.5));
    expect(all.quantile(0)).toBe(10);
    expect(all.quantile(1)).toBe(1e12);
    expect(new LogHistogram().quantile(0.5)).toBeNaN();
    expect(() => a.merge(new LogHistogram({ growth: 1.05 }))).toThrow(/layouts/);
  });
});
