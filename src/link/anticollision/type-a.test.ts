import { describe, test, expect } from 'vitest';
import { expectedCollisionsTypeA, resolveTypeA, walkAllTypeA, randomDistinctUids } from './type-a.js';
import { streamFor } from '../../random/stream.js';

const cards = (uids: Uint8Array[]) => uids.map((uid) => ({ uid }));

describe('V5 Type A collisions on the 1 path', () => {
  test('exact rationals', () => {
    const c = expectedCollisionsTypeA(10);
    const expected: Record<number, [bigint, bigint]> = {
      2: [1n, 1n], 3: [3n, 2n], 4: [13n, 7n], 5: [15n, 7n], 6: [517n, 217n], 7: [321n, 124n], 8: [10903n, 3937n], 9: [11535n, 3937n], 10: [6184807n, 2011807n],
    };
    for (const [n, [num, den]] of Object.entries(expected)) {
      expect(c[Number(n)]).toEqual({ num, den });
    }
    const dec: Record<number, number> = { 2: 1, 3: 1.5, 4: 1.85714, 5: 2.14286, 6: 2.38249, 8: 2.76937, 10: 3.07425 };
    for (const [n, v] of Object.entries(dec)) {
      const r = c[Number(n)]!;
      expect(Math.abs(Number(r.num) / Number(r.den) - v)).toBeLessThanOrEqual(0.5e-5);
    }
  });
  test('n = 2 gives exactly one collision every time', () => {
    const rng = streamFor(5, 0, 'v5-n2');
    for (let i = 0; i < 1000; i++) expect(resolveTypeA(cards(randomDistinctUids(rng, 2))).collisions).toBe(1);
  });
  test.each([3, 5, 8])('Monte Carlo, n = %s, 1e5 trials within ±0.01', (n) => {
    const rng = streamFor(5, 0, `v5-${n}`);
    const c = expectedCollisionsTypeA(n)[n]!;
    let sum = 0;
    let badFrames = 0;
    const trials = 100_000;
    for (let i = 0; i < trials; i++) {
      const r = resolveTypeA(cards(randomDistinctUids(rng, n)), rng);
      if (r.frames !== r.collisions + 1) badFrames++;
      sum += r.collisions;
    }
    expect(badFrames).toBe(0);
    expect(Math.abs(sum / trials - Number(c.num) / Number(c.den))).toBeLessThan(0.01);
  });
  test('EMV policy fails on the first collision', () => {
    const rng = streamFor(5, 0, 'emv');
    const r = resolveTypeA(cards(randomDistinctUids(rng, 3)), rng, 'emv');
    expect(r).toEqual({ selected: null, frames: 1, collisions: 1 });
    const one = cards(randomDistinctUids(rng, 1));
    expect(resolveTypeA(one, rng, 'emv').selected).toBe(one[0]);
  });
});

describe('V6 full tree walk', () => {
  const check = (uids: Uint8Array[]) => {
    const n = uids.length;
    const w = walkAllTypeA(cards(uids));
    expect(w.collisions).toBe(n - 1);
    expect(w.frames - w.collisions).toBe(n);
    expect(w.frames).toBe(2 * n - 1);
    expect(new Set(w.order).size).toBe(n);
  };
  test.each([1, 2, 3, 5, 8, 16, 100])('random sets, n = %s', (n) => {
    const rng = streamFor(6, 0, `v6-${n}`);
    for (let rep = 0; rep < 20; rep++) check(randomDistinctUids(rng, n));
  });
  test('adversarial: differ only in the last bit', () => {
    const a = Uint8Array.from([0x12, 0x34, 0x56, 0x78]);
    const b = Uint8Array.from([0x12, 0x34, 0x56, 0xf8]);
    check([a, b]);
  });
  test('adversarial: long shared prefixes (counting in the last byte, and one-hot)', () => {
    check(Array.from({ length: 16 }, (_, i) => Uint8Array.from([0xaa, 0xbb, 0xcc, i])));
    check(Array.from({ length: 32 }, (_, i) => { const u = new Uint8Array(4); u[i >> 3] = 1 << (i & 7); return u; }));
    check(Array.from({ length: 100 }, (_, i) => Uint8Array.from([0, 0, 0, 0, 0, 0, i])));
  });
  test('identical UIDs are rejected', () => {
    const u = Uint8Array.from([1, 2, 3, 4]);
    expect(() => walkAllTypeA(cards([u, Uint8Array.from(u)]))).toThrow();
  });
});
