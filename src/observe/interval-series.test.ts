import { describe, expect, test } from 'vitest';
import { IntervalHistograms } from './interval-histograms.js';
import { IntervalLevel } from './interval-level.js';
import { IntervalSeries, intervalOf, intervalsFor } from './interval-series.js';

/** Deterministic pseudo-random integers (Lehmer), for op sequences. */
function lehmer(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 48271) % 2147483647);
}

describe('IntervalSeries', () => {
  test('counts land in their interval; area splits exactly across edges', () => {
    const series = new IntervalSeries(10, 30, 2);
    series.add(0, 0);
    series.add(0, 9.9);
    series.add(0, 10);
    series.add(1, 29, 5);
    expect([series.get(0, 0), series.get(1, 0), series.get(2, 1)]).toEqual([2, 1, 5]);
    const area = new IntervalSeries(10, 30, 1);
    area.addArea(0, 5, 25, 2); // 2 × (5 + 10 + 5)
    expect([area.get(0, 0), area.get(1, 0), area.get(2, 0)]).toEqual([10, 20, 10]);
  });

  test('max keeps the largest value of its interval and only of its interval', () => {
    const series = new IntervalSeries(10, 30, 2);
    series.max(1, 12, 7);
    expect(series.get(1, 1)).toBe(7); // raises an empty interval
    series.max(1, 13, 3);
    expect(series.get(1, 1)).toBe(7); // never lowers
    series.max(1, 19, 9);
    expect(series.get(1, 1)).toBe(9);
    expect([series.get(0, 1), series.get(2, 1), series.get(1, 0)]).toEqual([0, 0, 0]);
  });

  test('end rule: the last interval is closed at the end and takes everything at or after it', () => {
    const even = new IntervalSeries(10, 30, 1);
    expect(even.intervals).toBe(3);
    even.add(0, 30); // exactly the end (an event the kernel runs at the end, a flush)
    even.add(0, 1000); // past the end
    even.max(0, 30, 4);
    expect(even.get(2, 0)).toBe(4);
    const counts = new IntervalSeries(10, 30, 1);
    counts.add(0, 30);
    counts.add(0, 1000);
    expect([counts.get(0, 0), counts.get(1, 0), counts.get(2, 0)]).toEqual([0, 0, 2]);
    counts.addArea(0, 25, 40, 1); // the last interval takes the rest
    expect(counts.get(2, 0)).toBe(2 + 15);
    const short = new IntervalSeries(10, 25, 1); // the last interval is [20, 25]
    expect(short.intervals).toBe(3);
    short.add(0, 25);
    expect(short.get(2, 0)).toBe(1);
    expect(new IntervalSeries(10, 0, 1).intervals).toBe(1);
    expect([intervalsFor(10, 30), intervalsFor(10, 31), intervalsFor(10, Infinity)]).toEqual([3, 4, Infinity]);
    expect([intervalOf(-5, 10, 2), intervalOf(30, 10, 2), intervalOf(30, 10, Infinity)]).toEqual([0, 2, 3]);
  });

  test('without an end the series grows to the latest time written or read', () => {
    const open = new IntervalSeries(10, Infinity, 2);
    expect(open.intervals).toBe(0);
    open.add(0, 5);
    open.add(1, 95, 3);
    expect(open.intervals).toBe(10);
    open.add(0, 1005, 2); // beyond the first allocation: earlier values are kept
    expect(open.intervals).toBe(101);
    expect([open.get(0, 0), open.get(9, 1), open.get(100, 0), open.get(500, 0)]).toEqual([1, 3, 2, 0]);
    expect(open.channelValues(0, 1234)).toHaveLength(124); // covers [0, 1234]
    expect(open.channelValues(0, 0)).toHaveLength(101); // never shorter than what was written
    const inf = new IntervalSeries(Infinity, Infinity, 1); // one interval for ever (a host without series)
    inf.addArea(0, 3, 1e15, 2);
    expect(inf.channelValues(0, 1e15)).toEqual([2 * (1e15 - 3)]);
  });

  test('before the end, a series with an end and one without hold the same numbers (one rule)', () => {
    const next = lehmer(7);
    const bounded = new IntervalSeries(10, 50, 3);
    const open = new IntervalSeries(10, Infinity, 3);
    for (let step = 0; step < 300; step++) {
      const ch = next() % 3;
      const t = next() % 40;
      for (const s of [bounded, open]) {
        if (step % 3 === 0) s.add(ch, t, step);
        else if (step % 3 === 1) s.max(ch, t, step);
        else s.addArea(ch, t, t + 9, 2);
      }
    }
    for (let k = 0; k < 5; k++) for (let ch = 0; ch < 3; ch++) expect(bounded.get(k, ch)).toBe(open.get(k, ch));
    expect(bounded.channelValues(1, 50)).toEqual(open.channelValues(1, 49));
  });

  test('interleaved series in one buffer read back exactly as separate ones', () => {
    const shared = IntervalSeries.interleaved(10, 35, 3, 4);
    const alone = Array.from({ length: 4 }, () => new IntervalSeries(10, 35, 3));
    const next = lehmer(1);
    for (let step = 0; step < 200; step++) {
      const x = next();
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
    expect(shared[2]!.clone().channelValues(1, 35)).toEqual(alone[2]!.channelValues(1, 35));
    expect(() => IntervalSeries.interleaved(10, Infinity, 1, 2)).toThrow(RangeError);
  });

  test('clone is independent of its original', () => {
    const a = new IntervalSeries(10, 30, 1);
    a.add(0, 15, 4);
    const b = a.clone();
    b.add(0, 15, 1);
    expect([a.get(1, 0), b.get(1, 0)]).toEqual([4, 5]);
  });
});

describe('IntervalLevel', () => {
  test('level·ns per interval, the current level carried to the snapshot time without changing the level', () => {
    const level = new IntervalLevel(10);
    level.set(5, 2); // 0 on [0, 5), 2 from 5
    level.set(25, 1); // 2 on [5, 25), 1 from 25
    expect(level.current).toBe(1);
    expect(level.snapshot(32)).toEqual([10, 20, 10 + 5, 2]);
    expect(level.snapshot(32)).toEqual([10, 20, 15, 2]); // a snapshot does not accumulate
    level.set(40, 0);
    expect(level.snapshot(40)).toEqual([10, 20, 15, 10, 0]);
  });

  test('with an end, the last interval takes the level up to the end', () => {
    const level = new IntervalLevel(10, 0, 30);
    level.set(0, 3);
    expect(level.snapshot(30)).toEqual([30, 30, 30]);
  });
});

describe('IntervalHistograms', () => {
  test('one histogram per interval; without an end, cover [0, now]; with one, the end belongs to the last', () => {
    const open = new IntervalHistograms(10);
    open.record(1, 5);
    open.record(25, 7);
    const snap = open.snapshot(41);
    expect(snap.map((h) => h.count)).toEqual([1, 0, 1, 0, 0]);
    const ended = new IntervalHistograms(10, undefined, 30);
    ended.record(12, 5);
    ended.record(30, 6); // exactly the end
    ended.record(31, 6);
    expect(ended.snapshot(30).map((h) => h.count)).toEqual([0, 1, 2]);
  });
});
