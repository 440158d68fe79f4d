import { describe, expect, test } from 'vitest';
import { circleFieldByQuadrature } from '../testing/biot-savart-quadrature.js';
import { lfFieldAPerM } from '../physics/lf-field.js';
import { DEFAULT_RCC_PARAMS, type RccParams } from './rcc-params.js';
import { sensedLfAPerM } from './rcc-link.js';

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
