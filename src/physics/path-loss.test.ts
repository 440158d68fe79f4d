import { describe, test, expect } from 'vitest';
import {
  drawBodyLossDb,
  DEFAULT_BODY_LOSS,
  friisPathLossDb,
  itu1238PathLossDb,
  logDistanceFor,
  logDistancePathLossDb,
  shadowedPathLossDb,
  wavelengthM,
} from './path-loss.js';
import { streamFor } from '../random/stream.js';

const F = 2.45e9;

describe('V14 2.45 GHz path loss (docs/sources.md#f7-2, #f7-3)', () => {
  test('wavelength', () => expect(Math.abs(wavelengthM(F) - 0.1223643)).toBeLessThan(5e-8));
  const table: Array<[number, number]> = [
    [0.05, 14.2105],
    [0.1, 20.2311],
    [0.2, 26.2517],
    [1, 40.2311],
    [3, 49.7735],
    [10, 60.2311],
    [30, 69.7735],
  ];
  test.each(table)('FSPL(%d m)', (d, db) => expect(Math.abs(friisPathLossDb(d, F) - db)).toBeLessThanOrEqual(0.0001));
  const logDistance = { referenceDistanceM: 1, referenceLossDb: friisPathLossDb(1, F), exponent: 3, shadowingSigmaDb: 0 };
  test('log-distance n = 3: PL(10 m) = 70.2311 dB', () => {
    expect(Math.abs(logDistancePathLossDb(10, logDistance) - 70.2311)).toBeLessThanOrEqual(0.0001);
  });
  test('shadowing mean over N = 1e5 draws within ±5σ/√N of the σ = 0 value', () => {
    const sigmaDb = 8.7;
    const n = 100_000;
    const rng = streamFor(14, 0, 'shadowing');
    let sum = 0;
    for (let i = 0; i < n; i++) sum += shadowedPathLossDb(rng, 10, { ...logDistance, shadowingSigmaDb: sigmaDb });
    expect(Math.abs(sum / n - 70.2311)).toBeLessThanOrEqual((5 * sigmaDb) / Math.sqrt(n));
  });
  test('below d0 the free-space law continues (continuous at d0)', () => {
    const p = logDistanceFor('office-hard-partition');
    expect(logDistancePathLossDb(0.1, p)).toBeCloseTo(friisPathLossDb(0.1, F), 9);
    expect(logDistancePathLossDb(1, p)).toBeCloseTo(friisPathLossDb(1, F), 9);
  });
});

describe('ITU-R P.1238 and body loss (docs/sources.md#f7-4, #f7-5)', () => {
  test('P.1238 with N = 20 equals Friis (docs/sources.md#f7-4 LOS) up to the rounded constant', () => {
    // Friis in MHz and m has the constant 20·log10(4π·1e6/c) = −27.55 dB; P.1238 rounds it to −28 dB.
    const diff = friisPathLossDb(10, F) - itu1238PathLossDb(10, F, 20);
    expect(Math.abs(diff - (20 * Math.log10((4 * Math.PI * 1e6) / 299_792_458) + 28))).toBeLessThan(1e-9);
    expect(diff).toBeCloseTo(0.4478, 4);
  });
  test('body loss draws are non-negative with mean ≈ 6.5 dB', () => {
    const rng = streamFor(7, 0, 'body');
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const v = drawBodyLossDb(rng, DEFAULT_BODY_LOSS.pocket);
      expect(v).toBeGreaterThanOrEqual(0);
      sum += v;
    }
    expect(sum / n).toBeGreaterThan(6.3);
    expect(sum / n).toBeLessThan(7.2); // clipping at 0 lifts the mean slightly
  });
});
