import { describe, expect, test } from 'vitest';
import { overfieldMarginDb, piccClassHmaxAPerM, scanOverfield, type OperatingVolume } from './overfield.js';
import { circularLoopFieldAPerM } from './loop-field.js';
import type { ReaderLoopShape } from './reader-loop-shape.js';

const GATE: ReaderLoopShape = { shape: 'circle', radiusM: 0.05 };
const EMV: OperatingVolume = { maxHeightM: 0.04, maxOffsetM: 0.025, heightSteps: 8, offsetSteps: 10, angleSteps: 8 };

describe('overfield: ISO class Hmax over an operating volume (docs/sources.md#f1-2)', () => {
  test('Hmax table [S] S2: Class 1 7.5, Class 3 8.5, Class 6 18 A/m; classes 2, 4, 5 unknown', () => {
    expect([1, 3, 6].map(piccClassHmaxAPerM)).toEqual([7.5, 8.5, 18]);
    expect([2, 4, 5].map(piccClassHmaxAPerM)).toEqual([null, null, null]);
    expect(overfieldMarginDb(15, 7.5)).toBeCloseTo(6.0206, 4);
  });
  test('default gate reader (a 5 cm, N·I 0.75 A: 7.5 A/m at the centre) exceeds Class 1 off-centre in the reader plane', () => {
    const s = scanOverfield(GATE, 0.75, 7.5, EMV);
    // In the plane H_z rises from N·I/(2a) = 7.5 at the centre towards the winding: the maximum is at z 0, ρ 2.5 cm.
    expect(s.maxAtHeightM).toBe(0);
    expect(s.maxAtOffsetM).toBeCloseTo(0.025, 12);
    expect(s.maxFieldAPerM).toBeCloseTo(0.75 * circularLoopFieldAPerM(1, 0.05, 0.025, 0).axialAPerM, 12);
    expect(s.maxFieldAPerM).toBeGreaterThan(7.5);
    // 9.34 A/m there; above Hmax up to z = 1.0 cm on this 5 mm grid (1.3 cm on a 1 mm grid), ≈ 0.25 of the volume.
    expect(s.maxFieldAPerM).toBeCloseTo(9.342, 3);
    expect(s.exceedingUpToHeightM).toBeCloseTo(0.01, 12);
    expect(s.exceedingVolumeFraction).toBeGreaterThan(0.15);
    expect(s.exceedingVolumeFraction).toBeLessThan(0.35);
    expect(s.ampereTurnsAtHmaxA).toBeCloseTo((0.75 * 7.5) / s.maxFieldAPerM, 12);
    // At that drive the volume just complies.
    expect(scanOverfield(GATE, s.ampereTurnsAtHmaxA * (1 - 1e-9), 7.5, EMV).exceedingVolumeFraction).toBe(0);
  });
  test('on the axis only, the maximum is the centre field N·I/(2a)', () => {
    const s = scanOverfield(GATE, 1, 100, { ...EMV, maxOffsetM: 0, offsetSteps: 0 });
    expect(s.maxFieldAPerM).toBeCloseTo(1 / (2 * 0.05), 12);
    expect(s.exceedingVolumeFraction).toBe(0);
    expect(s.exceedingUpToHeightM).toBeNull();
  });
  test('the exceeding share grows with drive from 0 to 1; max field is linear in drive; rectangles scan all angles', () => {
    let prev = -1;
    for (const ni of [0.1, 0.5, 0.75, 1, 1.5, 3, 100]) {
      const s = scanOverfield(GATE, ni, 7.5, EMV);
      expect(s.exceedingVolumeFraction).toBeGreaterThanOrEqual(prev);
      prev = s.exceedingVolumeFraction;
    }
    expect(scanOverfield(GATE, 0.1, 7.5, EMV).exceedingVolumeFraction).toBe(0);
    expect(prev).toBe(1);
    expect(scanOverfield(GATE, 1.5, 7.5, EMV).maxFieldAPerM).toBeCloseTo(2 * scanOverfield(GATE, 0.75, 7.5, EMV).maxFieldAPerM, 12);
    const rect: ReaderLoopShape = { shape: 'rectangle', widthM: 0.08, lengthM: 0.05 };
    const s = scanOverfield(rect, 0.5, 7.5, { ...EMV, maxOffsetM: 0.02, angleSteps: 4 });
    // 80 × 50 mm: within ρ 2 cm the field peaks towards the near (long) sides, i.e. along ±y (angle π/2 or 3π/2).
    expect(Math.abs(Math.sin(s.maxAtAngleRad))).toBeCloseTo(1, 12);
    expect(s.maxFieldAPerM).toBeGreaterThan(7.507);
    // A node on the winding (ρ 2.5 cm along y is the long side at z = 0) diverges: the thin-wire field, +Infinity.
    const onWire = scanOverfield(rect, 0.5, 7.5, { ...EMV, angleSteps: 4 });
    expect(onWire.maxFieldAPerM).toBe(Infinity);
    expect(onWire.ampereTurnsAtHmaxA).toBe(0);
  });
  test('cylindrical weights sum to the cylinder (a uniform field exceeding everywhere gives share 1, a limit above gives 0)', () => {
    expect(scanOverfield(GATE, 1e6, 1, EMV).exceedingVolumeFraction).toBeCloseTo(1, 12);
  });
});
