import { describe, expect, test } from 'vitest';
import { benchRender } from './render-bench.js';

describe('benchRender', () => {
  test('renders the typical figures and reports counts (no timing asserted)', () => {
    const r = benchRender(1, 50);
    expect(r.figures).toBe(7);
    expect(r.bytesPerRound).toBeGreaterThan(10_000);
    expect(r.ms).toBeGreaterThanOrEqual(0);
  });
});
