import { describe, test, expect } from 'vitest';
import {
  BIT_RATES_KBPS,
  ETU_CYCLES,
  etuUs,
  bitRateKbitPerS,
  FDT_A_LAST_BIT_0_CYCLES,
  FDT_A_LAST_BIT_1_CYCLES,
  fdtACycles,
  fwtCycles,
  FWT_ACTIVATION_CYCLES,
  cyclesToMs,
  cyclesToNs,
  sfgtCycles,
  typeAFrameBits,
  typeBFrameEtu,
  TYPE_A_SHORT_FRAME_BITS,
  TR2_B_DEFAULT_CYCLES,
} from './iso14443.js';

describe('V1 bit timing', () => {
  const expected: Record<number, [number, number]> = { 106: [9.43953, 105.9375], 212: [4.71976, 211.875], 424: [2.35988, 423.75], 848: [1.17994, 847.5] };
  test.each(BIT_RATES_KBPS)('%s kbit/s', (r) => {
    const [tUs, rate] = expected[r]!;
    expect(Math.abs(etuUs(r) - tUs)).toBeLessThanOrEqual(0.5e-5);
    expect(bitRateKbitPerS(r)).toBe(rate);
  });
  test('divisors', () => expect(Object.values(ETU_CYCLES)).toEqual([128, 64, 32, 16]));
});

describe('V2 FDT', () => {
  test('cycles exact, µs to the printed digits', () => {
    expect(FDT_A_LAST_BIT_0_CYCLES).toBe(1172);
    expect(FDT_A_LAST_BIT_1_CYCLES).toBe(1236);
    expect(fdtACycles(9, 0)).toBe(1172);
    expect(fdtACycles(9, 1)).toBe(1236);
    expect(Math.abs(cyclesToMs(1172) * 1e3 - 86.4307)).toBeLessThanOrEqual(0.5e-4);
    expect(Math.abs(cyclesToMs(1236) * 1e3 - 91.1504)).toBeLessThanOrEqual(0.5e-4);
  });
});

describe('V3 FWT', () => {
  const table: [number, number, number][] = [[0, 0.302065, 1e-6], [4, 4.83304, 1e-5], [8, 77.3286, 1e-4], [14, 4949.03, 1e-2]];
  test.each(table)('FWI %s → %s ms', (fwi, msv, unit) => {
    expect(fwtCycles(fwi)).toBe(4096 * 2 ** fwi);
    expect(Math.abs(cyclesToMs(fwtCycles(fwi)) - msv)).toBeLessThanOrEqual(unit / 2);
  });
  test('activation FWT 71680/fc = 5.28614 ms', () => {
    expect(FWT_ACTIVATION_CYCLES).toBe(71680);
    expect(Math.abs(cyclesToMs(FWT_ACTIVATION_CYCLES) - 5.28614)).toBeLessThanOrEqual(0.5e-5);
  });
  test('FWI out of range throws', () => expect(() => fwtCycles(15)).toThrow());
});

describe('framing and misc constants', () => {
  test('Type A frames', () => {
    expect(TYPE_A_SHORT_FRAME_BITS).toBe(9);
    expect(typeAFrameBits(2)).toBe(20);
    expect(typeAFrameBits(5)).toBe(47);
    expect(typeAFrameBits(9)).toBe(83);
  });
  test('Type B frames and TR2', () => {
    expect(typeBFrameEtu(1)).toBe(32);
    expect(TR2_B_DEFAULT_CYCLES).toBe(6780);
    expect(Math.round(cyclesToMs(6780) * 1e3)).toBe(500);
  });
  test('SFGT and ns conversion', () => {
    expect(sfgtCycles(0)).toBe(0);
    expect(sfgtCycles(1)).toBe(8192);
    expect(cyclesToNs(13_560_000)).toBe(1e9);
  });
});
