import { describe, expect, test } from 'vitest';
import { IntervalSeries } from './interval-series.js';

describe('IntervalSeries', () => {
  test('counts land in their interval; area splits exactly across edges', () => {
    const series = new IntervalSeries(10, 30, 2);
    series.add(0, 0);
    series.add(0, 9.9);
    series.add(0, 10);
    series.add(1, 29, 5);
    series.add(1, 1000, 1); // past the end: last interval
    expect([series.get(0, 0), series.get(1, 0), series.get(2, 1)]).toEqual([2, 1, 6]);
    const area = new IntervalSeries(10, 30, 1);
    area.addArea(0, 5, 25, 2); // 2 × (5 + 10 + 5)
    expect([area.get(0, 0), area.get(1, 0), area.get(2, 0)]).toEqual([10, 20, 10]);
    area.max(0, 12, 7);
    area.max(0, 13, 3);
    expect(area.get(1, 0)).toBe(20); // max never lowers
  });
});
