import { describe, expect, test } from 'vitest';
import { circleFieldByQuadrature } from '../testing/biot-savart-quadrature.js';
import { lfFieldAPerM } from '../physics/lf-field.js';
import { DEFAULT_RCC_PARAMS, type RccParams } from './rcc-params.js';
import { rccRssiDbm, sensedLfAPerM } from './rcc-link.js';
import { rccEnvironment } from './rcc-environment.js';
import { friisPathLossDb } from '../physics/path-loss.js';

const P = DEFAULT_RCC_PARAMS;
const A = P.lf.coilRadiusM;
const NI = P.lf.turnsCurrentA;
const db = (x: number, ref: number): number => 20 * Math.log10(x / ref);
const at = (heightM: number, lateralOffsetM: number) => ({ heightM, lateralOffsetM, tiltRad: 0 });
const quadrature = (rho: number, z: number): number => Math.hypot(...circleFieldByQuadrature(NI, A, [rho, 0, z]));

describe('RCC LF wake-up field in the band (docs/sources.md#f3-1, #f6-4; issue 17)', () => {
  test('grid z 2 mm–10 cm × ρ 0–5 cm, ≥ 2 mm from the winding: the field the band senses is within 0.1 dB of numerical Biot–Savart', () => {
    let worstDb = 0;
    let points = 0;
    for (let zMm = 2; zMm <= 100; zMm += 4) {
      for (let rhoMm = 0; rhoMm <= 50; rhoMm += 2.5) {
        const z = zMm / 1000;
        const rho = rhoMm / 1000;
        if (Math.hypot(rho - A, z) < 0.002) continue;
        worstDb = Math.max(worstDb, Math.abs(db(sensedLfAPerM(P, at(z, rho), 0), quadrature(rho, z))));
        points++;
      }
    }
    expect(points).toBeGreaterThan(500);
    expect(worstDb).toBeLessThanOrEqual(0.1);
  });
  test('off axis near the coil the band now senses more than the old on-axis × dipole form (ρ 1.5 cm, z 0: +17.5 dB)', () => {
    expect(db(sensedLfAPerM(P, at(0, 0.015), 0), lfFieldAPerM(NI, A, 0, 0.015))).toBeCloseTo(17.5, 1);
  });
  test('the handset mean offset lowers the sensed field by exactly its dB, on top of the drawn part', () => {
    const shifted: RccParams = { ...P, lf: { ...P.lf, handsetOffsetMeanDb: 4 } };
    for (const [h, r] of [[0.01, 0], [0.03, 0.02], [0.05, 0.6]] as const) {
      expect(db(sensedLfAPerM(shifted, at(h, r), 1.5), sensedLfAPerM(P, at(h, r), 0))).toBeCloseTo(-5.5, 10);
    }
  });
});

describe('RCC 2.45 GHz near zone and environment (docs/sources.md#f7-2, #f7-3, #f7-6; issue 17)', () => {
  const rnz = P.nearZone.nearZoneRadiusM;
  test('default near-zone radius is λ/2π at 2.45 GHz (1.95 cm)', () => {
    expect(Math.abs(rnz - 0.01948)).toBeLessThan(1e-4);
  });
  test('within the near zone the RSSI ignores the shadowing draw and the distance (bounded loss = Friis at r_nz)', () => {
    for (const [h, r] of [[0, 0], [0.005, 0.005], [0.01, 0.012], [0.019, 0]] as const) {
      expect(rccRssiDbm(P, at(h, r), 6, 12)).toBeCloseTo(P.rf.txPowerDbm - friisPathLossDb(rnz, 2.45e9) - 6, 10);
    }
  });
  test('beyond it the shadowing draw is scaled by σ(d)/σ: none just outside, full from 1 m', () => {
    const noShadow = (d: number): number => rccRssiDbm(P, at(d, 0), 0, 0);
    expect(noShadow(rnz * 1.0001) - rccRssiDbm(P, at(rnz * 1.0001, 0), 0, 8.7)).toBeLessThan(1e-3);
    expect(noShadow(1.5) - rccRssiDbm(P, at(1.5, 0), 0, 8.7)).toBeCloseTo(8.7, 10);
    const mid = 0.5;
    const sigmaMid = (8.7 * (mid - rnz)) / (1 - rnz);
    expect(noShadow(mid) - rccRssiDbm(P, at(mid, 0), 0, 8.7)).toBeCloseTo(sigmaMid, 10);
  });
  test('custom and preset environments: exponent, σ, d0 and frequency reach the path loss', () => {
    const base = { rfFrequency: 2.45e9, pathLossExponent: 3, shadowingSigmaDb: 4, referenceDistance: 2, nearZoneRadius: 0.02, nearZoneExtraLossDb: 5, shadowingFullFrom: 1 };
    const custom = rccEnvironment({ ...base, pathLossEnvironment: 'custom' });
    expect(custom.pathLoss).toEqual({ referenceDistanceM: 2, referenceLossDb: friisPathLossDb(2, 2.45e9), exponent: 3, shadowingSigmaDb: 4 });
    expect(custom.nearZone).toEqual({ nearZoneRadiusM: 0.02, nearZoneExtraLossDb: 5, shadowingFullFromM: 1 });
    const concourse = rccEnvironment({ ...base, rfFrequency: 2.4e9, pathLossEnvironment: 'station-concourse' }).pathLoss;
    expect([concourse.exponent, concourse.shadowingSigmaDb, concourse.referenceDistanceM]).toEqual([1.73, 3, 1]);
    expect(concourse.referenceLossDb).toBeCloseTo(friisPathLossDb(1, 2.4e9), 10);
    const withExtra: RccParams = { ...P, nearZone: custom.nearZone };
    expect(rccRssiDbm(P, at(0.01, 0), 0, 0) - rccRssiDbm(withExtra, at(0.01, 0), 0, 0)).toBeCloseTo(5 + friisPathLossDb(0.02, 2.45e9) - friisPathLossDb(rnz, 2.45e9), 10);
  });
});
