/**
 * The RCC low-frequency (kHz) wake-up field from the exact Biot–Savart field of a circular loop
 * (docs/sources.md#f3-1, #f6-4), to replace the on-axis × dipole-factor form of `lfFieldAPerM`
 * (lf-field.ts), which is 5–18 dB low within one coil radius off the axis (issue 17).
 *
 * Same geometry as lf-field.ts: the coil lies in the reader plane z = 0, axis vertical, radius a,
 * N·I ampere-turns; the carrier is `heightM` above the plane and `lateralOffsetM` from the axis. At
 * 0.5–10 kHz the quasi-static field is exact everywhere in a station (docs/sources.md#f6-4).
 *
 * One evaluation is one AGM (complete elliptic integrals K and E) — about as fast as the old form
 * (bench `physics`), so no table is needed and there is no interpolation error.
 */
import { circularLoopOnAxisFieldAPerM, ellipticKE } from './loop-field.js';

/**
 * |H| of a circular loop, A/m, exact (docs/sources.md#f3-1: H_z and H_ρ with K and E, Simpson et al. 2001):
 * with r² = ρ² + z², α² = a² + r² − 2aρ, β² = a² + r² + 2aρ, m = 1 − α²/β²,
 * H_z = N·I/(2π α² β)·[(a² − r²)E + α²K], H_ρ = N·I·z/(2π α² β ρ)·[(a² + r²)E − α²K], |H| = √(H_z² + H_ρ²).
 *
 * The thin-wire field diverges at the winding; a point closer than `wireRadiusM` to it is evaluated at
 * that distance from the wire, in the same direction (a round conductor's field peaks at its surface).
 * Near the axis (ρ < 10⁻⁶·a) the on-axis field and the first-order H_ρ = (3/4)·N·I·a²·z·ρ/(a² + z²)^{5/2}
 * are used (the H_ρ bracket cancels there). Far out it tends to the dipole field (1/r³).
 *
 * @param turnsCurrentA N·I, ampere-turns (rms)
 * @param coilRadiusM loop radius a, m
 * @param heightM z above the coil plane, m (sign irrelevant)
 * @param lateralOffsetM ρ from the coil axis, m (sign irrelevant)
 * @param wireRadiusM closest distance to the winding that is evaluated, m (> 0)
 * @returns |H|, A/m
 */
export function lfExactFieldAPerM(turnsCurrentA: number, coilRadiusM: number, heightM: number, lateralOffsetM: number, wireRadiusM: number): number {
  const a = coilRadiusM;
  let rho = Math.abs(lateralOffsetM);
  let z = Math.abs(heightM);
  const dr = rho - a;
  const d2 = dr * dr + z * z;
  if (d2 < wireRadiusM * wireRadiusM) {
    // Inside the conductor radius: move out to its surface along the same direction (straight up at the wire itself).
    const d = Math.sqrt(d2);
    if (d === 0) z = wireRadiusM;
    else {
      rho = a + (dr * wireRadiusM) / d;
      z = (z * wireRadiusM) / d;
    }
  }
  if (rho < 1e-6 * a) {
    const hz = circularLoopOnAxisFieldAPerM(turnsCurrentA, a, z);
    const s2 = a * a + z * z;
    const hr = (0.75 * turnsCurrentA * a * a * z * rho) / (s2 * s2 * Math.sqrt(s2)); // first order in ρ, docs/sources.md#f3-1
    return Math.sqrt(hz * hz + hr * hr);
  }
  const r2 = rho * rho + z * z;
  const alpha2 = a * a + r2 - 2 * a * rho;
  const beta2 = a * a + r2 + 2 * a * rho;
  const beta = Math.sqrt(beta2);
  const { k, e } = ellipticKE(1 - alpha2 / beta2);
  const c = turnsCurrentA / (2 * Math.PI * alpha2 * beta);
  const hz = c * ((a * a - r2) * e + alpha2 * k); // docs/sources.md#f3-1
  const hr = ((c * z) / rho) * ((a * a + r2) * e - alpha2 * k); // docs/sources.md#f3-1
  return Math.sqrt(hz * hz + hr * hr);
}


/**
 * The LF field the RCC wake-up uses, A/m: the exact loop field of `lfExactFieldAPerM` for the coil of
 * `p` (docs/sources.md#f3-1, #f6-4). On the axis it equals `lfFieldAPerM`, so thresholds set as on-axis
 * distances (`lfThresholds`) are unchanged.
 */
export function lfWakeFieldAPerM(p: { turnsCurrentA: number; coilRadiusM: number; wireRadiusM: number }, heightM: number, lateralOffsetM: number): number {
  return lfExactFieldAPerM(p.turnsCurrentA, p.coilRadiusM, heightM, lateralOffsetM, p.wireRadiusM);
}
