import { describe, expect, test } from 'vitest';
import { lfExactFieldAPerM } from './lf-field-exact.js';
import { DEFAULT_LF_FIELD, lfFieldAPerM } from './lf-field.js';
import { circleFieldByQuadrature } from '../testing/biot-savart-quadrature.js';

const A = DEFAULT_LF_FIELD.coilRadiusM; // 2 cm
const NI = DEFAULT_LF_FIELD.turnsCurrentA;
const WIRE = 0.5e-3;
const db = (x: number, ref: number): number => 20 * Math.log10(x / ref);
const quadMagnitude = (rho: number, z: number): number => {
  const [hx, hy, hz] = circleFieldByQuadrature(NI, A, [rho, 0, z]);
  return Math.hypot(hx, hy, hz);
};

describe('LF field from the exact circular-loop field (docs/sources.md#f3-1, #f6-4; issue 17 acceptance)', () => {
  test('grid z 2 mm–10 cm (2 mm steps) × ρ 0–5 cm (2.5 mm steps), ≥ 2 mm from the winding: within 0.1 dB of numerical Biot–Savart (in fact 1e-9)', () => {
    let worstDb = 0;
    let points = 0;
    for (let zMm = 2; zMm <= 100; zMm += 2) {
      for (let rhoMm = 0; rhoMm <= 50; rhoMm += 2.5) {
        const z = zMm / 1000;
        const rho = rhoMm / 1000;
        if (Math.hypot(rho - A, z) < 0.002) continue;
        const exact = lfExactFieldAPerM(NI, A, z, rho, WIRE);
        worstDb = Math.max(worstDb, Math.abs(db(exact, quadMagnitude(rho, z))));
        points++;
      }
    }
    expect(points).toBe(50 * 21);
    expect(worstDb).toBeLessThanOrEqual(0.1);
    expect(worstDb).toBeLessThan(1e-8); // ≈ 1e-9 relative: the closed form and the quadrature agree to rounding
  });
  test('on the axis it is the V9 on-axis field (a = 35 mm, N·I = 0.5 A), and equals lfFieldAPerM there', () => {
    const table: Array<[number, number]> = [[0, 7.143], [0.01, 6.35], [0.02, 4.675], [0.05, 1.347], [0.1, 0.258]];
    for (const [x, h] of table) {
      expect(Math.abs(lfExactFieldAPerM(0.5, 0.035, x, 0, WIRE) - h)).toBeLessThanOrEqual(0.0005);
      expect(lfExactFieldAPerM(0.5, 0.035, x, 0, WIRE)).toBeCloseTo(lfFieldAPerM(0.5, 0.035, x, 0), 12);
    }
  });
  test('in the reader plane inside the loop it matches quadrature (z = 0, ρ 0–1.8 cm), where the old form is 2–20 dB low', () => {
    for (const rho of [0.005, 0.01, 0.015, 0.018]) {
      expect(Math.abs(db(lfExactFieldAPerM(NI, A, 0, rho, WIRE), quadMagnitude(rho, 0)))).toBeLessThan(1e-8);
    }
    // The figures for the old form (−10.8 dB at ρ 1 cm, −17.5 dB at 1.5 cm, z = 0).
    expect(db(lfFieldAPerM(NI, A, 0, 0.01), lfExactFieldAPerM(NI, A, 0, 0.01, WIRE))).toBeCloseTo(-10.8, 1);
    expect(db(lfFieldAPerM(NI, A, 0, 0.015), lfExactFieldAPerM(NI, A, 0, 0.015, WIRE))).toBeCloseTo(-17.5, 1);
  });
  test('far out it is the magnetic-dipole field m/(4π r³)·√(3cos²θ + 1), m = N·I·π·a² (to (a/r)² order)', () => {
    const m = NI * Math.PI * A * A;
    for (const r of [0.4, 0.8, 2]) {
      for (const theta of [0, 0.3, 0.9, Math.PI / 2]) {
        const z = r * Math.cos(theta);
        const rho = r * Math.sin(theta);
        const dipole = (m / (4 * Math.PI * r ** 3)) * Math.sqrt(3 * Math.cos(theta) ** 2 + 1);
        expect(Math.abs(lfExactFieldAPerM(NI, A, z, rho, WIRE) / dipole - 1)).toBeLessThan(4 * (A / r) ** 2);
      }
    }
  });
  test('sign of height and offset does not matter; the near-axis branch joins the general one', () => {
    expect(lfExactFieldAPerM(NI, A, -0.03, -0.01, WIRE)).toBe(lfExactFieldAPerM(NI, A, 0.03, 0.01, WIRE));
    const inside = lfExactFieldAPerM(NI, A, 0.01, 0.99e-6 * A, WIRE);
    const outside = lfExactFieldAPerM(NI, A, 0.01, 1.01e-6 * A, WIRE);
    expect(Math.abs(inside / outside - 1)).toBeLessThan(1e-9);
  });
  test('at and within the wire radius of the winding it is finite and evaluated at the conductor surface', () => {
    const atWire = lfExactFieldAPerM(NI, A, 0, A, WIRE);
    expect(Number.isFinite(atWire)).toBe(true);
    expect(atWire).toBeCloseTo(lfExactFieldAPerM(NI, A, WIRE, A, WIRE), 12);
    // Half-way inside, along +ρ: same as at the surface along +ρ.
    expect(lfExactFieldAPerM(NI, A, 0, A + WIRE / 2, WIRE)).toBeCloseTo(lfExactFieldAPerM(NI, A, 0, A + WIRE, WIRE), 12);
    // Close to a thin wire the field tends to I/(2π d) (d = 0.5 mm ≪ a: within 5 %).
    expect(Math.abs(atWire / (NI / (2 * Math.PI * WIRE)) - 1)).toBeLessThan(0.05);
  });
});
