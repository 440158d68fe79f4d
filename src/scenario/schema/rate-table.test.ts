import { describe, expect, it } from 'vitest';
import { s } from '../../units.js';
import { MAX_RATE_PER_HOUR } from './limits.js';
import { interpolate, MAX_RATE_SAMPLES, sampleRate } from './rate-table.js';

describe('interpolate', () => {
  const at = [0, 10, 20];
  const values = [100, 200, 0];
  it('is linear between points and constant outside them', () => {
    expect(interpolate(at, values, -5)).toBe(100);
    expect(interpolate(at, values, 0)).toBe(100);
    expect(interpolate(at, values, 5)).toBe(150);
    expect(interpolate(at, values, 10)).toBe(200);
    expect(interpolate(at, values, 15)).toBe(100);
    expect(interpolate(at, values, 25)).toBe(0);
  });
});

describe('sampleRate', () => {
  it('samples at the middle of each step and counts a short last step by its length', () => {
    const seen: number[] = [];
    const problems: string[] = [];
    const r = sampleRate((tS) => (seen.push(tS), 3600), s(90), s(60), (m) => problems.push(m));
    expect(seen).toEqual([30, 90]);
    expect(r).toEqual({ stepNs: s(60), ratesPerHour: [3600, 3600], expectedPassengers: 90 });
    expect(problems).toEqual([]);
  });

  it('reports a negative, too large or failing rate and gives an empty table', () => {
    const cases: Array<[(tS: number) => number, RegExp]> = [
      [() => -1, /rate is -1 at t = 30 s; it must be a finite number ≥ 0/],
      [() => MAX_RATE_PER_HOUR + 1, /one entrance takes at most 1000000 per hour/],
      [
        () => {
          throw new Error('bad expression');
        },
        /^bad expression$/,
      ],
    ];
    for (const [rateAt, message] of cases) {
      const problems: string[] = [];
      expect(sampleRate(rateAt, s(60), s(60), (m) => problems.push(m))).toEqual({ stepNs: s(60), ratesPerHour: [], expectedPassengers: 0 });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(message);
    }
  });

  it(`refuses more than ${MAX_RATE_SAMPLES} steps`, () => {
    const problems: string[] = [];
    const r = sampleRate(() => 1, s(MAX_RATE_SAMPLES + 1), s(1), (m) => problems.push(m));
    expect(r.ratesPerHour).toEqual([]);
    expect(problems[0]).toMatch(/use a longer step/);
  });
});
