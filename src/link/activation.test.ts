import { describe, test, expect } from 'vitest';
import {
  reqaExchange,
  anticollisionExchange,
  selectExchange,
  exchangeCycles,
  typeAActivationCycles,
  typeAActivationTimeNs,
  typeAActivationExchanges,
  typeBActivationCycles,
  DEFAULT_TYPE_A_ACTIVATION,
} from './activation.js';
import { cyclesToMs } from './iso14443.js';

describe('V4 Type A single-card activation (lower bound)', () => {
  test('exchange cycles', () => {
    expect(exchangeCycles(reqaExchange())).toBe(6056);
    expect(exchangeCycles(anticollisionExchange(1))).toBe(10920);
    expect(exchangeCycles(selectExchange(1))).toBe(16680);
    const rats = typeAActivationExchanges(4).find((x) => x.name === 'RATS')!;
    expect(exchangeCycles(rats)).toBe(21288);
  });
  const table: [string, number, boolean, number, number][] = [
    ['layer 3 only, 4-byte UID', 4, false, 33656, 2.48201],
    ['+ RATS, 4-byte UID', 4, true, 54944, 4.05192],
    ['+ RATS, 7-byte UID', 7, true, 82544, 6.08732],
    ['+ RATS, 10-byte UID', 10, true, 110144, 8.12271],
  ];
  test.each(table)('%s', (_n, uid, rats, cycles, msv) => {
    const c = typeAActivationCycles(uid, 106, { ...DEFAULT_TYPE_A_ACTIVATION, rats });
    expect(c).toBe(cycles);
    expect(Math.abs(cyclesToMs(c) - msv)).toBeLessThanOrEqual(1e-5);
  });
  test('extra cascade level adds 27600 cycles', () => {
    expect(typeAActivationCycles(7) - typeAActivationCycles(4)).toBe(27600);
  });
  test('4-byte UID + RATS + 5.1 ms guard = 9.15192 ms', () => {
    expect(Math.abs(typeAActivationTimeNs(4, 106, true) / 1e6 - 9.15192)).toBeLessThanOrEqual(1e-5);
  });
  test('a higher bit rate adds a PPS exchange', () => {
    expect(typeAActivationCycles(4, 424)).toBeGreaterThan(typeAActivationCycles(4, 106));
    expect(typeAActivationExchanges(4, 848).at(-1)!.name).toBe('PPS');
  });
  test('Type B activation is positive and whole cycles', () => {
    const c = typeBActivationCycles();
    expect(Number.isInteger(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
  });
});
