import { describe, expect, test } from 'vitest';
import { gatesNeeded } from './sizing.js';

describe('gatesNeeded (docs/validation.md#v19)', () => {
  test('1500 passengers in the peak 5 minutes, 25 ppm per gate', () => {
    expect(gatesNeeded({ peakFlow: 1500, windowMin: 5, capacityPpm: 25, utilisation: 1 })).toBe(12);
    expect(gatesNeeded({ peakFlow: 1500, windowMin: 5, capacityPpm: 25, utilisation: 0.8 })).toBe(15);
  });

  test('rounds up a fractional gate, and exact decimal quotients are not pushed over by binary rounding', () => {
    expect(gatesNeeded({ peakFlow: 1501, windowMin: 5, capacityPpm: 25, utilisation: 1 })).toBe(13);
    expect(gatesNeeded({ peakFlow: 1500, windowMin: 5, capacityPpm: 25, utilisation: 0.7 })).toBe(18); // 17.14 → 18
    // 0.1 + 0.2 style traps: 30 / (1 · 0.3 · 100) = 1 on paper.
    expect(gatesNeeded({ peakFlow: 30, windowMin: 1, capacityPpm: 100, utilisation: 0.3 })).toBe(1);
    expect(gatesNeeded({ peakFlow: 345, windowMin: 1, capacityPpm: 37.5, utilisation: 0.92 })).toBe(10);
    expect(gatesNeeded({ peakFlow: 0, windowMin: 5, capacityPpm: 25, utilisation: 1 })).toBe(0);
  });

  test('rejects impossible inputs', () => {
    expect(() => gatesNeeded({ peakFlow: 100, windowMin: 5, capacityPpm: 0, utilisation: 1 })).toThrow(/capacity/);
    expect(() => gatesNeeded({ peakFlow: 100, windowMin: 0, capacityPpm: 25, utilisation: 1 })).toThrow(/window/);
    expect(() => gatesNeeded({ peakFlow: 100, windowMin: 5, capacityPpm: 25, utilisation: 0 })).toThrow(/utilisation/);
    expect(() => gatesNeeded({ peakFlow: 100, windowMin: 5, capacityPpm: 25, utilisation: 1.2 })).toThrow(/utilisation/);
    expect(() => gatesNeeded({ peakFlow: -1, windowMin: 5, capacityPpm: 25, utilisation: 1 })).toThrow(/peak flow/);
  });
});
