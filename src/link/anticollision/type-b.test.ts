import { describe, test, expect } from 'vitest';
import { expectedSingletonsTypeB, singletonsInRound, resolveTypeB } from './type-b.js';
import { streamFor } from '../../random/stream.js';

const table: [number, number, number][] = [
  [16, 2, 1.875], [16, 3, 2.63672], [16, 5, 3.86238], [16, 8, 5.09201],
  [4, 2, 1.5], [4, 3, 1.6875], [4, 5, 1.58203], [4, 8, 1.06787],
];

describe('V7 Type B singleton slots', () => {
  test.each(table)('N = %s, n = %s: analytic %s', (slots, n, e) => {
    expect(Math.abs(expectedSingletonsTypeB(n, slots) - e)).toBeLessThanOrEqual(0.5e-5);
  });
  test.each(table)('N = %s, n = %s: 1e5 rounds within ±0.02', (slots, n, e) => {
    const rng = streamFor(7, 0, `v7-${slots}-${n}`);
    const scratch = new Uint16Array(slots);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += singletonsInRound(n, slots, rng, scratch);
    expect(Math.abs(sum / 100_000 - e)).toBeLessThan(0.02);
  });
  test('resolve: transit takes one, EMV fails with more than one card', () => {
    const rng = streamFor(7, 0, 'resolve');
    const cards = ['a', 'b', 'c'];
    const t = resolveTypeB(cards, rng, 'transit', 16);
    expect(cards).toContain(t.selected);
    expect(resolveTypeB(cards, rng, 'emv', 16).selected).toBeNull();
    expect(resolveTypeB(['a'], rng, 'emv', 4).selected).toBe('a');
    expect(() => resolveTypeB(cards, rng, 'transit', 3)).toThrow();
  });
});
