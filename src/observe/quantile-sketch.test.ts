import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exponential, lognormal } from '../random/distributions.js';
import { streamFor, type RandomStream } from '../random/stream.js';
import { FINE_SECONDS, INTERVAL_SECONDS, QuantileSketch, QuantileSketchDataError, type QuantileSketchData, type SketchOptions } from './quantile-sketch.js';
import { bucketLower, bucketMidpoint, bucketUpper, keyOf } from './sketch-key.js';

/** The documented rank rule on an exactly sorted array: x[max(1, ⌈q·n⌉) − 1]. */
function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
}

const relativeError = (estimate: number, exact: number): number => (exact === 0 ? (estimate === 0 ? 0 : Infinity) : Math.abs(estimate / exact - 1));
const bound = (options: SketchOptions): number => 2 ** -(options.mantissaBits + 1);
const GRID = Array.from({ length: 999 }, (_, i) => (i + 1) / 1000);
const TAILS = [0.5, 0.95, 0.99, 0.999];

function sketchOf(values: ArrayLike<number>, options: SketchOptions = FINE_SECONDS): QuantileSketch {
  const s = new QuantileSketch(options);
  for (let i = 0; i < values.length; i++) s.add(values[i] as number);
  return s;
}

function draws(n: number, draw: (rng: RandomStream) => number, key: string): Float64Array {
  const rng = streamFor(18, 0, key);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw(rng);
  return out;
}

/** Worst relative error of the sketch against the exact quantiles at `qs`. */
function worstError(values: Float64Array, options: SketchOptions, qs: readonly number[]): number {
  const s = sketchOf(values, options);
  const sorted = Float64Array.from(values).sort();
  return Math.max(...qs.map((q) => relativeError(s.quantile(q), exactQuantile(sorted, q))));
}

const json = (s: QuantileSketch): string => JSON.stringify(s.toData());

describe('QuantileSketch accuracy against exact sorted quantiles', () => {
  test('1e6 lognormal draws: p50/p95/p99/p99.9 and a grid of 999 quantiles within 2^-11 (< 0.1 %)', () => {
    const values = draws(1_000_000, (r) => lognormal(r, Math.log(0.3), 0.5), 'lognormal');
    const worst = worstError(values, FINE_SECONDS, [...TAILS, ...GRID]);
    expect(worst).toBeLessThanOrEqual(bound(FINE_SECONDS));
    expect(worst).toBeGreaterThan(0); // the check compares real estimates, not the exact values
  });

  test('1e6 exponential draws: within 2^-11; with 6 mantissa bits within 2^-7', () => {
    const values = draws(1_000_000, (r) => exponential(r, 30), 'exponential');
    expect(worstError(values, FINE_SECONDS, [...TAILS, ...GRID])).toBeLessThanOrEqual(bound(FINE_SECONDS));
    expect(worstError(values, INTERVAL_SECONDS, [...TAILS, ...GRID])).toBeLessThanOrEqual(bound(INTERVAL_SECONDS));
  });

  test('60 % exact zeros: p50 is 0 (not a bucket midpoint), the rest within the bound', () => {
    const values = draws(100_000, (r) => (r.next01() < 0.6 ? 0 : exponential(r, 30)), 'zeros');
    const s = sketchOf(values);
    expect(s.quantile(0.5)).toBe(0);
    expect(s.quantile(0)).toBe(0);
    const edge = sketchOf([0, 2, 0, 1, 0]); // ranks 1–3 are zeros, rank 4 is 1 (its bucket's midpoint), rank 5 the max
    const one = bucketMidpoint(keyOf(1, 10), 10);
    expect([edge.quantile(0.6), edge.quantile(0.61), edge.quantile(0.8), edge.quantile(0.81)]).toEqual([0, one, one, 2]);
    expect(s.zeros).toBe(values.filter((v) => v === 0).length);
    expect(worstError(values, FINE_SECONDS, [...TAILS, ...GRID])).toBeLessThanOrEqual(bound(FINE_SECONDS));
  });

  test('values spanning 1e-9 … 1e9 are within the bound everywhere', () => {
    const values = draws(200_000, (r) => 10 ** (-9 + 18 * r.next01()), 'span');
    expect(worstError(values, FINE_SECONDS, GRID)).toBeLessThanOrEqual(bound(FINE_SECONDS));
  });

  test('tiny samples: one, two and three values', () => {
    const one = sketchOf([0.42]);
    for (const q of [0, 0.3, 0.5, 1]) expect(one.quantile(q)).toBe(0.42);
    expect(one.mean).toBe(0.42);
    const two = sketchOf([3, 0.001]);
    expect([two.quantile(0), two.quantile(0.5), two.quantile(0.51), two.quantile(1)]).toEqual([0.001, 0.001, 3, 3]);
    const three = sketchOf([5, 0, 1.7]);
    expect([three.quantile(0.2), three.quantile(1)]).toEqual([0, 5]);
    expect(relativeError(three.quantile(0.5), 1.7)).toBeLessThanOrEqual(bound(FINE_SECONDS));
    expect(three.min).toBe(0);
    expect(three.mean).toBeCloseTo(6.7 / 3, 12);
  });

  test('an empty sketch: NaN quantiles and mean, no cdf points, null min and max in its data', () => {
    const s = new QuantileSketch();
    expect(s.quantile(0.5)).toBeNaN();
    expect(s.mean).toBeNaN();
    expect(s.cdf()).toEqual([]);
    expect(s.toData()).toMatchObject({ count: 0, min: null, max: null, sum: '0', runs: [] });
    expect(json(QuantileSketch.fromData(s.toData()))).toBe(json(s));
  });
});

describe('QuantileSketch buckets, input and cdf', () => {
  test('every bucket holds its values and its midpoint is within 2^-(bits+1) of them', () => {
    fc.assert(
      fc.property(fc.double({ min: 2.3e-308, max: 1e308, noNaN: true }), fc.constantFrom(1, 6, 10, 19), (v, bits) => {
        const key = keyOf(v, bits);
        expect(bucketLower(key, bits)).toBeLessThanOrEqual(v);
        expect(bucketUpper(key, bits)).toBeGreaterThan(v);
        expect(Math.abs(bucketMidpoint(key, bits) - v) / v).toBeLessThanOrEqual(2 ** -(bits + 1));
        expect(bucketUpper(key, bits) / bucketLower(key, bits) - 1).toBeLessThanOrEqual(2 ** -bits);
      }),
      { seed: 18 },
    );
  });

  test('refuses negative, NaN, infinite and subnormal values and keeps its state', () => {
    const s = sketchOf([1, 2]);
    const before = json(s);
    for (const bad of [-1, -1e-300, NaN, Infinity, -Infinity, 1e-310]) expect(() => s.add(bad), String(bad)).toThrow(RangeError);
    expect(json(s)).toBe(before);
    expect(() => s.quantile(1.5)).toThrow(RangeError);
    expect(() => new QuantileSketch({ mantissaBits: 20, sumScale: 1 })).toThrow(/mantissaBits/);
  });

  test('cdf: the zero share first, non-decreasing, ending at max with fraction 1', () => {
    const values = draws(20_000, (r) => (r.next01() < 0.25 ? 0 : lognormal(r, 0, 1)), 'cdf');
    const s = sketchOf(values);
    const points = s.cdf();
    expect(points[0]).toEqual([0, s.zeros / s.count]);
    expect(points.at(-1)).toEqual([s.max, 1]);
    const rising = points.every((p, i) => i === 0 || (p[0] > points[i - 1]![0] && p[1] > points[i - 1]![1]));
    expect(rising).toBe(true);
    const sorted = Float64Array.from(values).sort();
    const [x, f] = points[Math.floor(points.length / 2)]!;
    expect(f).toBe(sorted.filter((v) => v < x).length / sorted.length); // exact at bucket edges
  });
});

/** Split `values` into `parts` random groups (seeded). */
function partition(values: Float64Array, parts: number, rng: RandomStream): QuantileSketch[] {
  const sketches = Array.from({ length: parts }, () => new QuantileSketch());
  for (const v of values) sketches[Math.floor(rng.next01() * parts)]!.add(v);
  return sketches;
}

/** Merge in a random order and a random tree grouping, through plain data as across workers. */
function mergeRandomly(sketches: QuantileSketch[], rng: RandomStream): QuantileSketch {
  let pool = sketches.map((s) => JSON.parse(JSON.stringify(s.toData())) as QuantileSketchData);
  while (pool.length > 1) {
    const i = Math.floor(rng.next01() * pool.length);
    const a = pool[i] as QuantileSketchData;
    pool = pool.filter((_, k) => k !== i);
    const j = Math.floor(rng.next01() * pool.length);
    const merged = QuantileSketch.fromData(pool[j]);
    merged.merge(QuantileSketch.fromData(a));
    pool[j] = merged.toData();
  }
  return QuantileSketch.fromData(pool[0]);
}

describe('QuantileSketch merging', () => {
  test('random partitions merged in random orders and groupings: byte-identical data, identical mean', () => {
    const values = draws(100_000, (r) => (r.next01() < 0.3 ? 0 : r.next01() < 0.5 ? exponential(r, 30) : lognormal(r, -1, 2)), 'merge');
    const whole = sketchOf(values);
    const rng = streamFor(18, 0, 'partitions');
    for (let trial = 0; trial < 8; trial++) {
      const parts = 1 + Math.floor(rng.next01() * 24);
      const merged = mergeRandomly(partition(values, parts, rng), rng);
      expect(json(merged), `${parts} parts`).toBe(json(whole));
      expect(Object.is(merged.mean, whole.mean)).toBe(true);
      expect(merged.quantile(0.99)).toBe(whole.quantile(0.99));
    }
    const exactMean = Number(values.reduce((a, v) => a + BigInt(Math.round(v * 1e9)), 0n)) / 1e9 / values.length;
    expect(whole.mean).toBe(exactMean);
  });

  test('sparse and dense stores give the same data for the same counts', () => {
    const values = draws(2048, (r) => 1 + r.next01(), 'sparse-dense'); // ≈ 900 of the 1024 keys of [1, 2): dense (over 512)
    const dense = sketchOf(values);
    const sparse = [new QuantileSketch(), new QuantileSketch(), new QuantileSketch(), new QuantileSketch()];
    values.forEach((v, i) => sparse[i % 4]!.add(v));
    expect(sparse[0]!.countBytes()).toBeLessThan(dense.countBytes()); // the parts stayed sparse
    for (let i = 1; i < 4; i++) sparse[0]!.merge(sparse[i]!);
    expect(json(sparse[0]!)).toBe(json(dense));
  });

  test('counts past 2^32 stay exact (the dense store widens its counts)', () => {
    const bits = 10;
    const runs = [[1023 << bits, ...Array.from({ length: 300 }, (_, i) => (i === 200 ? 3_000_000_000 : 10_000_000))]];
    const sum = runs[0]!.slice(1).reduce((a, c, i) => a + BigInt(c) * BigInt(Math.round(bucketMidpoint((1023 << bits) + i, bits))), 0n);
    const data: QuantileSketchData = { format: 'tapsim-sketch/1', mantissaBits: bits, sumScale: 1, count: 299 * 10_000_000 + 3_000_000_000, zeros: 0, min: 1, max: bucketLower((1023 << bits) + 299, bits), sum: sum.toString(), runs };
    const s = QuantileSketch.fromData(data);
    s.merge(QuantileSketch.fromData(data));
    expect(s.count).toBe(2 * data.count);
    expect(s.toData().runs).toEqual([[1023 << bits, ...Array.from({ length: 300 }, (_, i) => (i === 200 ? 6_000_000_000 : 20_000_000))]]);
    expect(s.quantile(0.5)).toBe(bucketMidpoint((1023 << bits) + 200, bits));
  });

  test('a sketch merged with itself counts everything twice', () => {
    for (const n of [100, 5000]) {
      // 16 distinct values: the sketch stays sparse, and doubling 5000 values makes it go dense mid-merge
      const values = draws(n, (r) => 1 + Math.floor(16 * r.next01()) / 16, `self-${n}`);
      const s = sketchOf(values);
      s.merge(s);
      expect(json(s)).toBe(json(sketchOf([...values, ...values])));
    }
  });

  test('refuses to merge sketches of different accuracy', () => {
    expect(() => new QuantileSketch(FINE_SECONDS).merge(new QuantileSketch(INTERVAL_SECONDS))).toThrow(/different accuracy/);
  });

  test('property: any split of any non-negative sample merges to the whole, quantiles within the bound', () => {
    const value = fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1e9, noNaN: true }), fc.integer({ min: 1, max: 5 }).map((k) => k / 4));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), fc.array(fc.boolean(), { maxLength: 400 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(FINE_SECONDS, INTERVAL_SECONDS), (values, sides, q, options) => {
        const whole = sketchOf(values, options);
        const a = new QuantileSketch(options);
        const b = new QuantileSketch(options);
        values.forEach((v, i) => (sides[i] ? a : b).add(v));
        b.merge(a);
        expect(json(b)).toBe(json(whole));
        const exact = exactQuantile(Float64Array.from(values).sort(), q);
        expect(relativeError(whole.quantile(q), exact)).toBeLessThanOrEqual(bound(options));
        expect(json(QuantileSketch.fromData(JSON.parse(json(whole))))).toBe(json(whole));
      }),
      { numRuns: 300, seed: 18 },
    );
  });
});

describe('QuantileSketch serialization', () => {
  test('round trip through JSON text keeps bytes, quantiles and mean (sparse and dense)', () => {
    for (const n of [3, 100_000]) {
      const s = sketchOf(draws(n, (r) => (r.next01() < 0.1 ? 0 : exponential(r, 5)), `round-trip-${n}`));
      const text = json(s);
      const back = QuantileSketch.fromData(JSON.parse(text));
      expect(json(back)).toBe(text);
      expect(TAILS.map((q) => back.quantile(q))).toEqual(TAILS.map((q) => s.quantile(q)));
      expect(back.mean).toBe(s.mean);
    }
  });

  test('damaged data is refused with a sentence that names it', () => {
    const good = sketchOf(draws(1000, (r) => (r.next01() < 0.1 ? 0 : exponential(r, 5)), 'damage')).toData();
    const firstRun = good.runs[0] as number[];
    const damaged: Array<[string, unknown, RegExp]> = [
      ['not an object', 'hello', /is not a tapsim quantile sketch/],
      ['no format', { ...good, format: undefined }, /is not a tapsim quantile sketch/],
      ['bad bits', { ...good, mantissaBits: 10.5 }, /mantissaBits/],
      ['bad unit', { ...good, sumScale: -1 }, /sumScale/],
      ['count off by one', { ...good, count: good.count + 1 }, /adding up to 1000, not its count 1001/],
      ['fractional count', { ...good, runs: [[firstRun[0], 1.5], ...good.runs.slice(1)] }, /whole number ≥ 1/],
      ['zero count in a run', { ...good, runs: [[firstRun[0], 0, ...firstRun.slice(1)], ...good.runs.slice(1)] }, /whole number ≥ 1/],
      ['runs swapped', { ...good, runs: [good.runs[1], good.runs[0], ...good.runs.slice(2)] }, /out of order or touching/],
      ['not a key', { ...good, runs: [[-5, 1], ...good.runs.slice(1)] }, /not bucket keys/],
      ['min moved', { ...good, min: 0.5 }, /min/],
      ['max moved', { ...good, max: (good.max as number) * 2 }, /max \(/],
      ['sum edited', { ...good, sum: (BigInt(good.sum) * 2n).toString() }, /sum .* cannot give/],
      ['sum a number', { ...good, sum: 5 }, /exact sum/],
      ['runs missing', { ...good, runs: undefined }, /no "runs"/],
    ];
    for (const [what, data, message] of damaged) {
      let error: unknown;
      try {
        QuantileSketch.fromData(data, 'the wait sketch of jobs/p0-r1.json');
      } catch (e) {
        error = e;
      }
      expect(error, what).toBeInstanceOf(QuantileSketchDataError);
      expect((error as Error).message, what).toMatch(/^the wait sketch of jobs\/p0-r1\.json (is|has) /);
      expect((error as Error).message, what).toMatch(message);
    }
  });
});
