import { describe, test, expect } from 'vitest';
import {
  circularLoopOnAxisFieldAPerM,
  circularLoopOnAxisDistanceM,
  circularLoopRequiredAmpereTurnsA,
  circularLoopFieldAPerM,
  circularLoopNormalFieldAPerM,
  circularLoopTiltedFieldAPerM,
  ellipticKE,
  rectangularLoopOnAxisFieldAPerM,
  rectangularLoopFieldAPerM,
  normalFieldAPerM,
} from './loop-field.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

/** Direct Biot–Savart over a circular loop (trapezoid rule; exponentially convergent for a periodic integrand). */
function numericCircular(ni: number, a: number, rho: number, z: number, n = 20000): { axial: number; radial: number } {
  let hx = 0;
  let hz = 0;
  const dphi = (2 * Math.PI) / n;
  for (let i = 0; i < n; i++) {
    const phi = i * dphi;
    const c = Math.cos(phi);
    const s = Math.sin(phi);
    const rx = rho - a * c;
    const ry = -a * s;
    const r3 = (rx * rx + ry * ry + z * z) ** 1.5;
    hx += (a * z * c) / r3;
    hz += (a * a - a * rho * c) / r3;
  }
  return { axial: (ni / (4 * Math.PI)) * hz * dphi, radial: (ni / (4 * Math.PI)) * hx * dphi };
}

/** Direct Biot–Savart over a rectangular loop, Gauss–Legendre (5 points) on many sub-intervals per side. */
function numericRectangle(ni: number, w: number, l: number, px: number, py: number, pz: number): [number, number, number] {
  const gx = [-0.906179845938664, -0.538469310105683, 0, 0.538469310105683, 0.906179845938664];
  const gw = [0.236926885056189, 0.478628670499366, 0.568888888888889, 0.478628670499366, 0.236926885056189];
  const corners: [number, number][] = [[-w / 2, -l / 2], [w / 2, -l / 2], [w / 2, l / 2], [-w / 2, l / 2]];
  const h: [number, number, number] = [0, 0, 0];
  for (let side = 0; side < 4; side++) {
    const [ax, ay] = corners[side]!;
    const [bx, by] = corners[(side + 1) % 4]!;
    const m = 400;
    for (let k = 0; k < m; k++) {
      for (let q = 0; q < 5; q++) {
        const t = (k + 0.5 + 0.5 * gx[q]!) / m;
        const x = ax + (bx - ax) * t;
        const y = ay + (by - ay) * t;
        const dlx = (bx - ax) / m;
        const dly = (by - ay) / m;
        const rx = px - x, ry = py - y, rz = pz;
        const r3 = (rx * rx + ry * ry + rz * rz) ** 1.5;
        const wq = 0.5 * gw[q]!;
        h[0] += (wq * (dly * rz)) / r3;
        h[1] += (wq * (-dlx * rz)) / r3;
        h[2] += (wq * (dlx * ry - dly * rx)) / r3;
      }
    }
  }
  return [h[0] * ni / (4 * Math.PI), h[1] * ni / (4 * Math.PI), h[2] * ni / (4 * Math.PI)];
}

describe('V9 circular loop on axis (a = 35 mm, N·I = 0.5 A)', () => {
  const table: [number, number][] = [
    [0, 7.14286], [1, 6.34969], [2, 4.67516], [3, 3.12635], [4, 2.03962], [5, 1.34706], [6, 0.913756], [8, 0.459956], [10, 0.257511],
    [30, 0.0111149], [50, 0.0024321], [60, 0.00141062],
  ];
  test.each(table)('H(%s cm) = %s A/m', (xCm, h) => {
    expect(rel(circularLoopOnAxisFieldAPerM(0.5, 0.035, xCm / 100), h)).toBeLessThan(1e-5);
  });
  test('inverse: 1.5 A/m at 4.73528 cm', () => {
    expect(Math.abs(circularLoopOnAxisDistanceM(0.5, 0.035, 1.5) * 100 - 4.73528)).toBeLessThan(1e-4);
    expect(circularLoopOnAxisDistanceM(0.5, 0.035, 100)).toBeNaN();
  });
  test('required drive for 1.5 A/m at 4 cm', () => {
    expect(rel(circularLoopRequiredAmpereTurnsA(0.035, 0.04, 1.5), 0.367716)).toBeLessThan(1e-5);
    expect(rel(circularLoopRequiredAmpereTurnsA(Math.SQRT2 * 0.04, 0.04, 1.5), 0.311769)).toBeLessThan(1e-5);
  });
});

describe('circular loop off axis (elliptic integrals)', () => {
  test('K and E at known points', () => {
    expect(ellipticKE(0).k).toBeCloseTo(Math.PI / 2, 15);
    expect(ellipticKE(0).e).toBeCloseTo(Math.PI / 2, 15);
    expect(rel(ellipticKE(0.5).k, 1.854074677301372)).toBeLessThan(1e-14);
    expect(rel(ellipticKE(0.5).e, 1.350643881047675)).toBeLessThan(1e-14);
    expect(rel(ellipticKE(0.99).k, 3.695637362989875)).toBeLessThan(1e-13);
    expect(rel(ellipticKE(0.99).e, 1.015993545025224)).toBeLessThan(1e-13);
  });
  const points: [number, number][] = [
    [0.01, 0.02], [0.03, 0.01], [0.045, 0.005], [0.06, 0.03], [0.02, -0.04], [0.2, 0.1], [0.7, 0.02], [0.001, 0.05],
  ];
  test.each(points)('matches numerical Biot–Savart at ρ = %s m, z = %s m', (rho, z) => {
    const exact = circularLoopFieldAPerM(0.5, 0.035, rho, z);
    const num = numericCircular(0.5, 0.035, rho, z);
    expect(rel(exact.axialAPerM, num.axial)).toBeLessThan(1e-6);
    expect(rel(exact.radialAPerM, num.radial)).toBeLessThan(1e-6);
  });
  test.each(points)('tilted-plane field (no allocation path) matches numerical Biot–Savart at ρ = %s m, z = %s m', (rho, z) => {
    const num = numericCircular(0.5, 0.035, rho, z);
    for (const t of [0, 0.3, -0.8, Math.PI / 2]) {
      const expected = num.axial * Math.cos(t) + num.radial * Math.sin(t);
      expect(Math.abs(circularLoopTiltedFieldAPerM(0.5, 0.035, rho, z, Math.cos(t), Math.sin(t)) - expected)).toBeLessThan(1e-6 * Math.hypot(num.axial, num.radial));
    }
  });
  test('on axis equals V9 and the radial part vanishes', () => {
    const f = circularLoopFieldAPerM(0.5, 0.035, 0, 0.04);
    expect(rel(f.axialAPerM, 2.03962)).toBeLessThan(1e-5);
    expect(f.radialAPerM).toBe(0);
    expect(rel(circularLoopFieldAPerM(0.5, 0.035, 1e-9, 0.04).axialAPerM, 2.03962)).toBeLessThan(1e-5);
  });
  test('tilted plane: H_n = H_z cos t + H_ρ sin t, and the generic normal agrees', () => {
    const f = circularLoopFieldAPerM(1, 0.05, 0.02, 0.03);
    const t = 0.3;
    const hn = circularLoopNormalFieldAPerM(1, 0.05, 0.02, 0.03, t);
    expect(hn).toBeCloseTo(f.axialAPerM * Math.cos(t) + f.radialAPerM * Math.sin(t), 12);
    // offset along +x, tilt about y: generic normal with the radial component along x
    expect(normalFieldAPerM({ hxAPerM: f.radialAPerM, hyAPerM: 0, hzAPerM: f.axialAPerM }, t)).toBeCloseTo(hn, 12);
    expect(normalFieldAPerM({ hxAPerM: 0, hyAPerM: 2, hzAPerM: 0 }, Math.PI / 2, 0)).toBeCloseTo(-2, 12);
  });
});

describe('V10 rectangular loop', () => {
  const table: [number, number][] = [[0, 7.50732], [2, 4.58381], [4, 1.96076], [6, 0.894589]];
  test.each(table)('80 × 50 mm, N·I = 0.5 A: H(%s cm) = %s', (xCm, h) => {
    expect(rel(rectangularLoopOnAxisFieldAPerM(0.5, 0.08, 0.05, xCm / 100), h)).toBeLessThan(1e-5);
    expect(rel(rectangularLoopFieldAPerM(0.5, 0.08, 0.05, 0, 0, xCm / 100).hzAPerM, h)).toBeLessThan(1e-5);
  });
  test('square s = 5 cm, N·I = 1 A', () => {
    expect(rel(rectangularLoopOnAxisFieldAPerM(1, 0.05, 0.05, 0), 18.0063)).toBeLessThan(1e-5);
    expect(rel(rectangularLoopOnAxisFieldAPerM(1, 0.05, 0.05, 0), (2 * Math.SQRT2) / (Math.PI * 0.05))).toBeLessThan(1e-12);
    expect(rel(rectangularLoopOnAxisFieldAPerM(1, 0.05, 0.05, 0.01), 14.9367)).toBeLessThan(1e-5);
    expect(rel(rectangularLoopOnAxisFieldAPerM(1, 0.05, 0.05, 0.03), 5.62692)).toBeLessThan(1e-5);
    for (const x of [0, 0.01, 0.03, 0.07]) {
      const s = 0.05;
      const square = (s * s) / (2 * Math.PI * (s * s / 4 + x * x) * Math.sqrt(s * s / 2 + x * x));
      expect(rel(rectangularLoopOnAxisFieldAPerM(1, s, s, x), square)).toBeLessThan(1e-12);
    }
  });
  const points: [number, number, number][] = [[0.01, 0.005, 0.02], [0.05, 0, 0.01], [-0.03, 0.04, 0.03], [0.2, -0.1, 0.05]];
  test.each(points)('segment sum matches numerical Biot–Savart at (%s, %s, %s)', (x, y, z) => {
    const f = rectangularLoopFieldAPerM(0.5, 0.08, 0.05, x, y, z);
    const [nx, ny, nz] = numericRectangle(0.5, 0.08, 0.05, x, y, z);
    const mag = Math.hypot(nx, ny, nz);
    expect(Math.abs(f.hxAPerM - nx) / mag).toBeLessThan(1e-6);
    expect(Math.abs(f.hyAPerM - ny) / mag).toBeLessThan(1e-6);
    expect(Math.abs(f.hzAPerM - nz) / mag).toBeLessThan(1e-6);
  });
});
