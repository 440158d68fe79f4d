import { describe, expect, test } from 'vitest';
import { logDistanceForPreset, PATH_LOSS_PRESET_NAMES, PATH_LOSS_PRESETS } from './path-loss-presets.js';
import { friisPathLossDb, logDistancePathLossDb } from './path-loss.js';

describe('2.45 GHz environment presets (docs/sources.md#f7-3)', () => {
  test('preset values and marks as in the research (n, σ, d0, measured frequency)', () => {
    const expected: Record<string, [number, number, number, number]> = {
      'free-space': [2, 0, 1, 2.45e9],
      'station-concourse': [1.73, 3, 1, 2.45e9],
      'station-concourse-crowded': [2.46, 5.04, 1, 2.45e9],
      'retail-store': [2.2, 8.7, 1, 914e6],
    };
    expect([...PATH_LOSS_PRESET_NAMES].sort()).toEqual(Object.keys(expected).sort());
    for (const name of PATH_LOSS_PRESET_NAMES) {
      const p = PATH_LOSS_PRESETS[name];
      expect([p.exponent, p.shadowingSigmaDb, p.referenceDistanceM, p.measuredFrequencyHz]).toEqual(expected[name]);
      expect(p.mark).toMatch(/\[(S|S-weak|D)\]/);
      expect(p.source.length).toBeGreaterThan(10);
      expect(p.validFromM).toBeLessThan(p.validToM);
    }
  });
  test('PL(d0) is Friis at the scenario frequency: 40.2311 dB at 1 m, 2.45 GHz; 32.6 dB at 914 MHz', () => {
    for (const name of PATH_LOSS_PRESET_NAMES) expect(logDistanceForPreset(name).referenceLossDb).toBeCloseTo(40.2311, 4);
    expect(logDistanceForPreset('retail-store', 914e6).referenceLossDb).toBeCloseTo(friisPathLossDb(1, 914e6), 12);
  });
  test('3GPP InH-Office LOS intercept 32.4 + 20·log10(f_GHz) equals Friis(1 m) within 0.05 dB at 2.45 GHz', () => {
    expect(Math.abs(32.4 + 20 * Math.log10(2.45) - logDistanceForPreset('station-concourse').referenceLossDb)).toBeLessThan(0.05);
  });
  test('at 10 m: free space 60.23, concourse 57.53, crowded 64.83, retail 62.23 dB (PL(d0) + 10·n)', () => {
    const at10 = (name: (typeof PATH_LOSS_PRESET_NAMES)[number]): number => logDistancePathLossDb(10, logDistanceForPreset(name));
    expect(at10('free-space')).toBeCloseTo(60.2311, 4);
    expect(at10('station-concourse')).toBeCloseTo(40.2311 + 17.3, 4);
    expect(at10('station-concourse-crowded')).toBeCloseTo(40.2311 + 24.6, 4);
    expect(at10('retail-store')).toBeCloseTo(40.2311 + 22, 4);
  });
});
