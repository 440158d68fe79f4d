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

  test('interleaved series in one buffer read back exactly as separate ones', () => {
    const shared = IntervalSeries.interleaved(10, 35, 3, 4);
    const alone = Array.from({ length: 4 }, () => new IntervalSeries(10, 35, 3));
    let x = 1;
    for (let step = 0; step < 200; step++) {
      x = (x * 48271) % 2147483647;
      const i = x % 4;
      const ch = (x >> 3) % 3;
      const t = (x >> 5) % 50;
      for (const s of [shared[i]!, alone[i]!]) {
        if (step % 3 === 0) s.add(ch, t, step);
        else if (step % 3 === 1) s.max(ch, t, step);
        else s.addArea(ch, t, t + 17, 2);
      }
    }
    for (let i = 0; i < 4; i++) {
      for (let k = 0; k < 4; k++) for (let ch = 0; ch < 3; ch++) expect(shared[i]!.get(k, ch)).toBe(alone[i]!.get(k, ch));
    }
    expect(shared[0]!.values).toBe(shared[3]!.values);
    expect(shared[0]!.intervals).toBe(4);
  });
});
