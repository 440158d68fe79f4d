import { describe, test, expect } from 'vitest';
import {
  DEFAULT_LF_FIELD,
  drawHandsetLfAttenuationDb,
  lfFarFieldDistanceFactor,
  lfFieldAPerM,
  lfHandsetTriggerDistanceM,
  lfOnAxisDistanceForFieldM,
  lfThresholds,
  lfTriggerDistanceExactM,
} from './lf-field.js';
import { streamFor } from '../random/stream.js';

describe('V15 LF distance-control trigger distance (docs/sources.md#f6-4)', () => {
  const expectedCm: Array<[number, number]> = [
    [-6, 6.4778],
    [-3, 5.7017],
    [0, 5.0],
    [3, 4.363],
    [6, 3.7812],
  ];
  test.each(expectedCm)('exact on-axis form, ΔT = %d dB', (deltaDb, cm) => {
    expect(Math.abs(lfTriggerDistanceExactM(0.02, 0.05, deltaDb) * 100 - cm)).toBeLessThanOrEqual(0.0001 + 1e-12);
  });
  test.each(expectedCm)('bisection on the field gives the same distance, ΔT = %d dB', (deltaDb, cm) => {
    const p = { ...DEFAULT_LF_FIELD, coilRadiusM: 0.02, startDistanceM: 0.05 };
    const t1 = lfThresholds(p).startFieldAPerM;
    expect(Math.abs(lfHandsetTriggerDistanceM(p, t1, deltaDb) * 100 - cm)).toBeLessThanOrEqual(0.0001 + 1e-12);
  });
  test('far-field factors and RSSI reference spreads', () => {
    expect(lfFarFieldDistanceFactor(-6)).toBeCloseTo(1.25893, 5);
    expect(lfFarFieldDistanceFactor(-3)).toBeCloseTo(1.12202, 5);
    expect(10 ** (6 / 20)).toBeCloseTo(1.99526, 5);
    expect(10 ** (6 / 30)).toBeCloseTo(1.58489, 5);
  });
});

describe('LF field (docs/sources.md#f3-1)', () => {
  test('on axis equals the circular-loop formula (V9 table: a = 35 mm, N·I = 0.5 A)', () => {
    const table: Array<[number, number]> = [[0, 7.143], [0.01, 6.35], [0.02, 4.675], [0.05, 1.347], [0.1, 0.258]];
    for (const [x, h] of table) expect(Math.abs(lfFieldAPerM(0.5, 0.035, x, 0) - h)).toBeLessThanOrEqual(0.0005);
  });
  test('far off axis it is the magnetic-dipole field', () => {
    const a = 0.02;
    const r = 0.8;
    const m = Math.PI * a * a; // N·I = 1
    const inPlane = m / (4 * Math.PI * r ** 3); // θ = 90°
    // (1 + a²/r²)^(−3/2) = 0.99906 at r = 40·a: the dipole limit to 0.1 %.
    expect(Math.abs(lfFieldAPerM(1, a, 0, r) / inPlane - 1)).toBeLessThan(0.001);
  });
  test('inverse of the on-axis field', () => {
    const h = lfFieldAPerM(1, 0.02, 0.07, 0);
    expect(lfOnAxisDistanceForFieldM(1, 0.02, h)).toBeCloseTo(0.07, 12);
  });
  test('threshold ordering T1 ≥ T3 ≥ T2 is enforced', () => {
    const t = lfThresholds(DEFAULT_LF_FIELD);
    expect(t.startFieldAPerM).toBeGreaterThanOrEqual(t.abortFieldAPerM);
    expect(t.abortFieldAPerM).toBeGreaterThanOrEqual(t.hearFieldAPerM);
    expect(() => lfThresholds({ ...DEFAULT_LF_FIELD, abortDistanceM: 0.04 })).toThrow(/T1 ≥ T3 ≥ T2/);
  });
});

describe('handset spread: trigger distance follows 10^(−ΔdB/60) in the far field (docs/sources.md#f6-4)', () => {
  test('σ = 3 dB, 2000 handsets, each within 1 % of the analytic scaling', () => {
    // Far field: coil radius 2 cm, nominal trigger at 30 cm (x0 ≫ a).
    const p = { ...DEFAULT_LF_FIELD, startDistanceM: 0.3, abortDistanceM: 0.3, hearDistanceM: 0.3 };
    const t1 = lfThresholds(p).startFieldAPerM;
    const rng = streamFor(15, 0, 'lf-spread');
    const logRatios: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const attenuationDb = drawHandsetLfAttenuationDb(rng, p.handsetSpreadSigmaDb);
      const x = lfHandsetTriggerDistanceM(p, t1, attenuationDb);
      const analytic = p.startDistanceM * lfFarFieldDistanceFactor(attenuationDb);
      expect(Math.abs(x / analytic - 1)).toBeLessThan(0.01);
      logRatios.push(60 * Math.log10(x / p.startDistanceM));
    }
    // The distance spread in "dB/60" units reproduces σ = 3 dB (sample sd within ±5 %).
    const mean = logRatios.reduce((s, v) => s + v, 0) / logRatios.length;
    const sd = Math.sqrt(logRatios.reduce((s, v) => s + (v - mean) ** 2, 0) / (logRatios.length - 1));
    expect(Math.abs(sd / 3 - 1)).toBeLessThan(0.05);
  });
});
