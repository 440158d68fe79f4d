import { describe, expect, test } from 'vitest';
import { defaultNearZone, nearZonePathLossDb, nearZoneShadowingSigmaDb, reactiveNearZoneRadiusM } from './rf-near-zone.js';
import { logDistanceForPreset, PATH_LOSS_PRESET_NAMES } from './path-loss-presets.js';
import { friisPathLossDb } from './path-loss.js';

const F = 2.45e9;
const NZ = defaultNearZone(F);

describe('RCC near zone (docs/sources.md#f7-2)', () => {
  test('λ/2π = 1.948 cm at 2.45 GHz; Friis there is 20·log10(2) = 6.02 dB', () => {
    expect(reactiveNearZoneRadiusM(F)).toBeCloseTo(0.019475, 6);
    expect(nearZonePathLossDb(0.01, logDistanceForPreset('retail-store'), NZ)).toBeCloseTo(20 * Math.log10(2), 9);
  });
  test.each(PATH_LOSS_PRESET_NAMES)('%s: loss continuous at r_nz, constant inside, equal to the log-distance loss outside', (name) => {
    const far = logDistanceForPreset(name, F);
    const r = NZ.nearZoneRadiusM;
    const inside = nearZonePathLossDb(r * (1 - 1e-9), far, NZ);
    const outside = nearZonePathLossDb(r * (1 + 1e-9), far, NZ);
    expect(Math.abs(outside - inside)).toBeLessThan(1e-6);
    for (const d of [0, 1e-4, 0.005, 0.01, r]) expect(nearZonePathLossDb(d, far, NZ)).toBe(inside);
    for (const d of [0.03, 0.1, 1, 5]) expect(nearZonePathLossDb(d, far, NZ)).toBeCloseTo(d < 1 ? friisPathLossDb(d, F) : far.referenceLossDb + 10 * far.exponent * Math.log10(d), 9);
  });
  test('an extra near-zone loss is added inside only (the step at r_nz is that extra)', () => {
    const far = logDistanceForPreset('station-concourse');
    const nz = { ...NZ, nearZoneExtraLossDb: 10 };
    expect(nearZonePathLossDb(0.01, far, nz) - nearZonePathLossDb(0.01, far, NZ)).toBeCloseTo(10, 12);
    expect(nearZonePathLossDb(0.05, far, nz)).toBe(nearZonePathLossDb(0.05, far, NZ));
  });
  test('σ: 0 inside the near zone, linear to the full σ at 1 m, full beyond; continuous at both ends', () => {
    const far = logDistanceForPreset('retail-store');
    for (const d of [0, 0.01, NZ.nearZoneRadiusM]) expect(nearZoneShadowingSigmaDb(d, far, NZ)).toBe(0);
    expect(nearZoneShadowingSigmaDb(NZ.nearZoneRadiusM * (1 + 1e-9), far, NZ)).toBeLessThan(1e-6);
    const mid = (NZ.nearZoneRadiusM + 1) / 2;
    expect(nearZoneShadowingSigmaDb(mid, far, NZ)).toBeCloseTo(8.7 / 2, 9);
    expect(nearZoneShadowingSigmaDb(0.04, far, NZ)).toBeCloseTo((8.7 * (0.04 - NZ.nearZoneRadiusM)) / (1 - NZ.nearZoneRadiusM), 12);
    expect(nearZoneShadowingSigmaDb(1 - 1e-9, far, NZ)).toBeCloseTo(8.7, 6);
    for (const d of [1, 3, 30]) expect(nearZoneShadowingSigmaDb(d, far, NZ)).toBe(8.7);
  });
  test('monotone: the median loss never falls with distance (all presets, 0–30 m)', () => {
    for (const name of PATH_LOSS_PRESET_NAMES) {
      const far = logDistanceForPreset(name);
      let prev = -Infinity;
      for (let d = 0; d <= 30; d += 0.001 + d * 0.01) {
        const pl = nearZonePathLossDb(d, far, NZ);
        expect(pl).toBeGreaterThanOrEqual(prev - 1e-12);
        prev = pl;
      }
    }
  });
});
