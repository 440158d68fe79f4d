import { describe, expect, test } from 'vitest';
import { streamFor } from '../random/stream.js';
import { expectedArrivals, nextArrivalNs } from './demand.js';

const HOUR_NS = 3.6e12;

describe('non-homogeneous Poisson arrivals by thinning', () => {
  test('counts per step match the rate table within a 99.9 % Poisson band', () => {
    // 4 steps of 15 min at 400, 1600, 3200, 800 passengers/hour → means 100, 400, 800, 200.
    const table = { ratesPerHour: [400, 1600, 3200, 800], stepNs: HOUR_NS / 4 };
    const rng = streamFor(11, 0, 'thinning');
    const reps = 40;
    const counts = [0, 0, 0, 0];
    for (let r = 0; r < reps; r++) {
      let t = 0;
      for (;;) {
        t = nextArrivalNs(rng, table, t, HOUR_NS);
        if (!Number.isFinite(t)) break;
        counts[Math.floor(t / table.stepNs)]! += 1;
      }
    }
    [100, 400, 800, 200].forEach((mean, i) => {
      const expected = mean * reps;
      // Poisson: sd = sqrt(mean); 3.3 sd ≈ 99.9 %.
      expect(Math.abs(counts[i]! - expected), `step ${i}`).toBeLessThan(3.3 * Math.sqrt(expected));
    });
    expect(expectedArrivals(table, HOUR_NS)).toBeCloseTo(1500, 9);
  });

  test('zero rate gives no arrivals', () => {
    expect(nextArrivalNs(streamFor(1, 0, 'z'), { ratesPerHour: [0, 0], stepNs: 10 }, 0, 20)).toBe(Infinity);
  });
});
