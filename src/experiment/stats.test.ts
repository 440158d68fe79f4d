import { describe, expect, it } from 'vitest';
import { hasSpread, isIdentical, isSignificant, normalQuantile, oneSidedBound, pairedDifference, relativeHalfWidth, studentTCdf, summarize, tQuantile } from './stats.js';

describe('tQuantile', () => {
  // Tabulated two-sided 95% (p = 0.975) and one-sided 95% (p = 0.95) critical values.
  const table: Array<[number, number, number]> = [
    [0.975, 1, 12.7062], [0.975, 2, 4.3027], [0.975, 3, 3.1824], [0.975, 4, 2.7764], [0.975, 5, 2.5706],
    [0.975, 9, 2.2622], [0.975, 10, 2.2281], [0.975, 20, 2.086], [0.975, 30, 2.0423], [0.975, 60, 2.0003], [0.975, 120, 1.9799],
    [0.95, 1, 6.3138], [0.95, 5, 2.015], [0.95, 10, 1.8125], [0.95, 30, 1.6973],
    [0.995, 1, 63.6567], [0.995, 10, 3.1693], [0.9, 3, 1.6377], [0.75, 7, 0.7111],
  ];
  it.each(table)('t(%f, df=%i) = %f', (p, df, expected) => {
    expect(tQuantile(p, df)).toBeCloseTo(expected, 3);
    expect(tQuantile(1 - p, df)).toBeCloseTo(-expected, 3);
  });
  it('tends to the normal quantile', () => {
    expect(tQuantile(0.975, 1e9)).toBeCloseTo(1.959964, 5);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 4);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 6);
  });
  it('inverts the CDF and rejects bad input', () => {
    for (const df of [1, 2.5, 7, 40]) for (const p of [0.6, 0.9, 0.99]) expect(studentTCdf(tQuantile(p, df), df)).toBeCloseTo(p, 9);
    expect(tQuantile(0.5, 3)).toBe(0);
    expect(tQuantile(1, 3)).toBeNaN();
    expect(tQuantile(0.9, 0)).toBeNaN();
  });
});

describe('summarize', () => {
  it('gives mean, sd and the Student-t half-width', () => {
    const s = summarize([1, 2, 3, 4, 5]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(s.halfWidth).toBeCloseTo(2.7764 * Math.sqrt(2.5) / Math.sqrt(5), 3);
    expect(s.lower).toBeCloseTo(3 - s.halfWidth, 12);
  });
  it('skips non-finite values; n < 2 has no interval', () => {
    expect(summarize([NaN, 4, Infinity]).n).toBe(1);
    expect(summarize([4]).halfWidth).toBeNaN();
    expect(summarize([]).mean).toBeNaN();
    // Equal values: half-width 0 says nothing, so --until-ci must not stop on it.
    expect(relativeHalfWidth(summarize([2, 2, 2]))).toBe(Infinity);
    expect(relativeHalfWidth(summarize([2, 2.5, 2]))).toBeGreaterThan(0);
    expect(relativeHalfWidth(summarize([1]))).toBe(Infinity);
  });
  it('paired differences remove the common part', () => {
    const a = [10, 20, 30, 40];
    const b = [9, 19.5, 29, 39.5];
    const d = pairedDifference(a, b);
    expect(d.mean).toBeCloseTo(0.75, 12);
    expect(d.halfWidth).toBeLessThan(summarize(a).halfWidth);
    expect(oneSidedBound([1, 2, 3], 'upper').bound).toBeCloseTo(2 + 2.92 * 1 / Math.sqrt(3), 2);
  });
  it('equal values have no spread: never significant, no one-sided bound; all-zero differences are identical', () => {
    expect(hasSpread(summarize([3, 3, 3]))).toBe(false);
    expect(hasSpread(summarize([3, 3, 3.0000001]))).toBe(true);
    expect(hasSpread(summarize([3]))).toBe(false);
    expect(hasSpread(summarize([28.583333333333332 - 28.75, 28.583333333333336 - 28.75]))).toBe(false); // round-off only
    const constant = pairedDifference([9.58, 9.58, 9.58], [9.4, 9.4, 9.4]); // one bin apart in every pair
    expect(constant.halfWidth).toBe(0);
    expect(isSignificant(constant)).toBe(false);
    expect(isIdentical(constant)).toBe(false);
    expect(isIdentical(pairedDifference([1, 2, 3], [1, 2, 3]))).toBe(true);
    expect(isIdentical(pairedDifference([1, 2, 3], [1, 2, 3.5]))).toBe(false);
    expect(isSignificant(pairedDifference([10, 20, 30, 40], [9, 19.5, 29, 39.5]))).toBe(true);
    expect(isSignificant(pairedDifference([10, 20, 30, 40], [11, 19, 31, 39]))).toBe(false);
    expect(oneSidedBound([885.2, 885.2], 'upper').bound).toBe(885.2); // no spread: size.ts claims no bound from it
    expect(oneSidedBound([885.2, 885.2], 'upper').sd).toBe(0);
  });
});
