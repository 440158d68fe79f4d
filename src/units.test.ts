import { describe, expect, test } from 'vitest';
import { amplitudeRatioToDb, dbToAmplitudeRatio, dbToPowerRatio, dbmToW, h, min, ms, powerRatioToDb, s, toMs, toS, us, wToDbm } from './units.js';

describe('time helpers', () => {
  test('convert to integer nanoseconds', () => {
    expect(us(1)).toBe(1_000);
    expect(ms(8)).toBe(8_000_000);
    expect(s(1.5)).toBe(1_500_000_000);
    expect(min(2)).toBe(120_000_000_000);
    expect(h(3)).toBe(10_800_000_000_000);
    expect(Number.isInteger(us(0.3333))).toBe(true);
    expect(toS(s(2.25))).toBe(2.25);
    expect(toMs(ms(0.5))).toBe(0.5);
  });
});

describe('dB helpers', () => {
  test('power and amplitude ratios round-trip', () => {
    expect(dbToPowerRatio(10)).toBeCloseTo(10, 12);
    expect(dbToAmplitudeRatio(20)).toBeCloseTo(10, 12);
    expect(powerRatioToDb(dbToPowerRatio(-3.7))).toBeCloseTo(-3.7, 12);
    expect(amplitudeRatioToDb(dbToAmplitudeRatio(6))).toBeCloseTo(6, 12);
    expect(dbmToW(0)).toBeCloseTo(1e-3, 15);
    expect(wToDbm(0.1)).toBeCloseTo(20, 12);
  });
});
