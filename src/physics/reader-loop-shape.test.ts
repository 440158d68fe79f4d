import { describe, expect, test } from 'vitest';
import { equalAreaCircleRadiusM, readerLoopAreaM2, readerLoopNormalFieldPerAmpereTurnPerM as hn, readerLoopOnAxisFieldPerAmpereTurnPerM, type ReaderLoopShape } from './reader-loop-shape.js';
import { circularLoopNormalFieldAPerM } from './loop-field.js';
import { tiltedNormal } from './rectangular-loop-normal.js';
import { circleFieldByQuadrature } from '../testing/biot-savart-quadrature.js';

const S = 0.06;
const SQUARE: ReaderLoopShape = { shape: 'rectangle', widthM: S, lengthM: S };
const CIRCLE: ReaderLoopShape = { shape: 'circle', radiusM: equalAreaCircleRadiusM(S, S) };

describe('reader loop shapes (docs/sources.md#f3-1)', () => {
  test('circle, tilt axis ⟂ offset, is circularLoopNormalFieldAPerM; any other axis matches quadrature (1e-9 of |H|)', () => {
    const a = 0.05;
    const c: ReaderLoopShape = { shape: 'circle', radiusM: a };
    for (const [z, rho, psi, t, phi] of [[0.02, 0.01, 0.4, 0.3, 0.4 + Math.PI / 2], [0.01, 0.03, 2, -0.6, 1], [0.05, 0.07, 5, 1.2, 0.2], [0.03, 0, 0, 0.5, 1]] as const) {
      if (Math.abs(phi - psi - Math.PI / 2) < 1e-12) expect(hn(c, z, rho, psi, t, phi)).toBeCloseTo(circularLoopNormalFieldAPerM(1, a, rho, z, t), 12);
      const q = circleFieldByQuadrature(1, a, [rho * Math.cos(psi), rho * Math.sin(psi), z]);
      const n = tiltedNormal(t, phi);
      const ref = q[0] * n.nx + q[1] * n.ny + q[2] * n.nz;
      expect(Math.abs(hn(c, z, rho, psi, t, phi) - ref)).toBeLessThan(1e-9 * Math.hypot(...q));
    }
  });
  test('square vs equal-area circle on the axis: within 0.14 dB at every height (0.137 dB at the centre: 4√2/π^1.5)', () => {
    let worst = 0;
    for (let z = 0; z <= 0.5; z += 0.001) worst = Math.max(worst, Math.abs(20 * Math.log10(readerLoopOnAxisFieldPerAmpereTurnPerM(SQUARE, z) / readerLoopOnAxisFieldPerAmpereTurnPerM(CIRCLE, z))));
    expect(worst).toBeLessThan(0.14);
    expect(20 * Math.log10(hn(SQUARE, 0, 0, 0, 0, 0) / hn(CIRCLE, 0, 0, 0, 0, 0))).toBeCloseTo(20 * Math.log10((4 * Math.SQRT2) / Math.PI ** 1.5), 9);
  });
  test('square vs equal-area circle far away (r ≥ 5·side, all directions): field vectors differ by ≤ 0.025·(side/r)² of |H|', () => {
    // Both tend to the same dipole; the first difference is (1/2 − 3/(2π))·(s/r)² = 0.0225·(s/r)² (on-axis expansion).
    for (const k of [5, 10, 20]) {
      const r = k * S;
      for (let i = 0; i <= 12; i++) {
        for (let j = 0; j < 8; j++) {
          const th = (i * Math.PI) / 24;
          const psi = (j * Math.PI) / 8;
          const z = r * Math.cos(th);
          const rho = r * Math.sin(th);
          const perp = psi + Math.PI / 2;
          const dz = hn(SQUARE, z, rho, psi, 0, 0) - hn(CIRCLE, z, rho, psi, 0, 0);
          const dr = hn(SQUARE, z, rho, psi, Math.PI / 2, perp) - hn(CIRCLE, z, rho, psi, Math.PI / 2, perp);
          const mag = Math.hypot(hn(CIRCLE, z, rho, psi, 0, 0), hn(CIRCLE, z, rho, psi, Math.PI / 2, perp));
          expect(Math.hypot(dz, dr) / mag).toBeLessThan(0.025 / (k * k));
        }
      }
    }
  });
  test('areas; equal-area radius of 80 × 50 mm is 35.68 mm', () => {
    expect(readerLoopAreaM2(SQUARE)).toBeCloseTo(S * S, 15);
    expect(readerLoopAreaM2(CIRCLE)).toBeCloseTo(S * S, 15);
    expect(equalAreaCircleRadiusM(0.08, 0.05)).toBeCloseTo(0.035682, 6);
  });
});
