import { describe, test, expect } from 'vitest';
import {
  coaxialMutualInductanceH,
  couplingCoefficient,
  inducedVoltageRmsV,
  resonanceCapacitanceF,
  resonanceFrequencyHz,
  qualityFactor,
  bandwidthHz,
  detuningAmplitudeRatio,
  mutualInductanceFromFieldH,
} from './coupling.js';
import { circularLoopOnAxisFieldAPerM } from './loop-field.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('V11 mutual inductance and k (N1 = 2, a1 = 35 mm, L1 = 1 µH; N2 = 4, a2 = 20 mm, L2 = 2.5 µH)', () => {
  const table: [number, number, number][] = [
    [0, 180.473, 0.114141], [1, 160.432, 0.101466], [2, 118.123, 0.0747078], [4, 51.5333, 0.0325925], [6, 23.0871, 0.0146016],
  ];
  test.each(table)('x = %s cm: M = %s nH, k = %s', (xCm, mNh, k) => {
    const m = coaxialMutualInductanceH(2, 0.035, 4, 0.02, xCm / 100);
    expect(rel(m * 1e9, mNh)).toBeLessThan(1e-5);
    expect(rel(couplingCoefficient(m, 1e-6, 2.5e-6), k)).toBeLessThan(1e-5);
  });
  test('field-based M equals the coaxial formula (same small-secondary approximation)', () => {
    const h = circularLoopOnAxisFieldAPerM(1, 0.035, 0.04);
    expect(rel(mutualInductanceFromFieldH(2, 4, Math.PI * 0.02 ** 2, h), coaxialMutualInductanceH(2, 0.035, 4, 0.02, 0.04))).toBeLessThan(1e-12);
  });
});

describe('V12 induced voltage', () => {
  const table: [number, number, number][] = [[0.004, 1.5, 2.56957], [0.004, 7.5, 12.8479], [0.0024, 1.5, 1.54174], [0.0024, 7.5, 7.70871]];
  test.each(table)('A = %s m², H = %s A/m → %s V', (a, h, v) => {
    expect(rel(inducedVoltageRmsV(13.56e6, 4, a, h), v)).toBeLessThan(1e-5);
  });
});

describe('V13 resonance', () => {
  const table: [number, number, number][] = [
    [1, 13.56, 137.759], [1, 15, 112.579], [1, 16.5, 93.0406],
    [2.5, 13.56, 55.1037], [2.5, 15, 45.0316], [2.5, 16.5, 37.2162],
    [3.5, 13.56, 39.3598], [3.5, 15, 32.1655], [3.5, 16.5, 26.583],
  ];
  test.each(table)('L = %s µH, f = %s MHz → C = %s pF; round trip', (lUh, fMhz, cPf) => {
    const c = resonanceCapacitanceF(lUh * 1e-6, fMhz * 1e6);
    expect(rel(c * 1e12, cPf)).toBeLessThan(1e-5);
    expect(rel(resonanceFrequencyHz(lUh * 1e-6, c), fMhz * 1e6)).toBeLessThan(1e-9);
  });
  test('Q and bandwidth: L = 1.2 µH, R = 3 Ω → Q ≈ 34, bandwidth ≈ 398 kHz (docs/sources.md#f3-3)', () => {
    const q = qualityFactor(13.56e6, 1.2e-6, 3);
    expect(q).toBeCloseTo(34.08, 2);
    expect(bandwidthHz(13.56e6, q) / 1e3).toBeCloseTo(397.9, 0);
  });
  test('detuning loss |1/(1 + j2QΔf/f)|', () => {
    expect(detuningAmplitudeRatio(35, 0, 13.56e6)).toBe(1);
    // half-bandwidth detuning → −3 dB
    expect(detuningAmplitudeRatio(35, 13.56e6 / 70, 13.56e6)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(detuningAmplitudeRatio(35, 200e3, 13.56e6)).toBeLessThan(detuningAmplitudeRatio(35, 100e3, 13.56e6));
    expect(detuningAmplitudeRatio(35, -200e3, 13.56e6)).toBe(detuningAmplitudeRatio(35, 200e3, 13.56e6));
  });
});
