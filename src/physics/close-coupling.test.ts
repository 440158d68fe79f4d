import { describe, expect, test } from 'vitest';
import { closeCouplingCoefficient, closeCouplingDetuningLossDb, closeCouplingResonanceHz } from './close-coupling.js';
import { circularLoopOnAxisFieldAPerM } from './loop-field.js';
import { resonanceCapacitanceF } from './coupling.js';
import { DEFAULT_GATE_READER_ANTENNA as R, DEFAULT_ID1_CARD_ANTENNA as C } from './nfc-link-budget.js';

describe('close coupling: card resonance shift and detuning loss (docs/sources.md#f3-2, #f3-3)', () => {
  test('k from the field reproduces the docs/sources.md#f3-2 worked example (a1 35 mm, N1 2, L1 1 µH; a2 20 mm, N2 4, L2 2.5 µH)', () => {
    const expected: Array<[number, number]> = [[0, 0.114], [0.01, 0.101], [0.02, 0.075], [0.04, 0.033], [0.06, 0.015]];
    for (const [x, k] of expected) {
      const h = circularLoopOnAxisFieldAPerM(1, 0.035, x);
      expect(closeCouplingCoefficient(2, 1e-6, 4, Math.PI * 0.02 ** 2, 2.5e-6, h)).toBeCloseTo(k, 3);
    }
  });
  test('f_res/√(1 − k²): +0.05 % at k 0.03, +0.66 % at 0.114, +4.8 % at 0.3; none at k = 0; throws at k ≥ 1', () => {
    expect(closeCouplingResonanceHz(16e6, 0.03) / 16e6 - 1).toBeCloseTo(0.00045, 5);
    expect(closeCouplingResonanceHz(16e6, 0.114) / 16e6 - 1).toBeCloseTo(0.0066, 4);
    expect(closeCouplingResonanceHz(16e6, 0.3) / 16e6 - 1).toBeCloseTo(0.0483, 4);
    expect(closeCouplingResonanceHz(16e6, 0)).toBe(16e6);
    expect(() => closeCouplingResonanceHz(16e6, 1)).toThrow(/\[0, 1\)/);
    expect(() => closeCouplingResonanceHz(16e6, Number.NaN)).toThrow(RangeError);
  });
  test('the formula is the zero of Im(Z2 + (ωM)²/Z1) for a voltage-driven reader loop Z1 = R1 + jωL1 with R1 = ωL1/100 (within 1e-4)', () => {
    // Independent check of the derivation: complex circuit algebra, bisection on the card's reactance.
    const l1 = 1e-6, l2 = 2.5e-6, k = 0.2, fRes = 16e6;
    const c2 = resonanceCapacitanceF(l2, fRes);
    const m = k * Math.sqrt(l1 * l2);
    const reactance = (f: number): number => {
      const w = 2 * Math.PI * f;
      const r1 = (w * l1) / 100;
      const x1 = w * l1;
      // (ωM)²/(R1 + jX1) = (ωM)²·(R1 − jX1)/(R1² + X1²)
      const reflIm = (-((w * m) ** 2) * x1) / (r1 * r1 + x1 * x1);
      return w * l2 - 1 / (w * c2) + reflIm;
    };
    let lo = 14e6, hi = 20e6;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (reactance(mid) < 0) lo = mid;
      else hi = mid;
    }
    expect(Math.abs(lo / closeCouplingResonanceHz(fRes, k) - 1)).toBeLessThan(1e-4);
  });
  test('default gate reader, ID-1 card at the centre of the reader plane: k ≈ 0.153; with f_res 16 MHz and Q_L 5 the shift costs ≈ 0.5 dB', () => {
    const k = closeCouplingCoefficient(R.turns, R.inductanceH, C.turns, C.areaM2, C.inductanceH, 1 / (2 * R.radiusM));
    expect(k).toBeCloseTo(0.1526, 3);
    const loss = closeCouplingDetuningLossDb(16e6, k, 5);
    expect(loss).toBeGreaterThan(0.4);
    expect(loss).toBeLessThan(0.6);
  });
  test('loss is 0 at k = 0, grows with k for a card tuned above the carrier, and is a gain for one tuned below', () => {
    expect(closeCouplingDetuningLossDb(16e6, 0, 5)).toBeCloseTo(0, 12);
    let prev = 0;
    for (const k of [0.05, 0.1, 0.2, 0.3]) {
      const loss = closeCouplingDetuningLossDb(16e6, k, 5);
      expect(loss).toBeGreaterThan(prev);
      prev = loss;
    }
    expect(closeCouplingDetuningLossDb(12.5e6, 0.2, 5)).toBeLessThan(0);
    // Higher loaded Q, sharper resonance, bigger loss for the same shift.
    expect(closeCouplingDetuningLossDb(16e6, 0.2, 10)).toBeGreaterThan(closeCouplingDetuningLossDb(16e6, 0.2, 5));
  });
});
