/**
 * Magnetic field of reader loops at 13.56 MHz by Biot–Savart (quasi-static near field, docs/sources.md#f3-1).
 *
 * Fields are rms A/m for an rms drive given in ampere-turns N·I (A). Loops lie in the z = 0 plane,
 * centred on the origin, current counter-clockwise seen from +z, so the field on the axis is +z.
 * Validity: distances ≪ λ/2π ≈ 3.5 m (near field); thin wire (no self-field at the wire).
 */

/** Field vector, A/m. */
export interface FieldVector {
  hxAPerM: number;
  hyAPerM: number;
  hzAPerM: number;
}

/** Axial (z) and radial (ρ) field of a circular loop, A/m. */
export interface AxialRadialField {
  axialAPerM: number;
  radialAPerM: number;
}

/**
 * Circular loop on axis: H(x) = N·I·a² / (2·(a² + x²)^{3/2}) — docs/sources.md#f3-1 circular loop, on axis (V9).
 * @param ampereTurnsA N·I, A rms · @param radiusM a, m · @param distanceM x along the axis, m · @returns A/m
 */
export function circularLoopOnAxisFieldAPerM(ampereTurnsA: number, radiusM: number, distanceM: number): number {
  const r2 = radiusM * radiusM + distanceM * distanceM;
  return (ampereTurnsA * radiusM * radiusM) / (2 * r2 * Math.sqrt(r2));
}

/**
 * Inverse of the on-axis field: the distance x (m) where the field equals `fieldAPerM`;
 * x = √((N·I·a²/(2H))^{2/3} − a²) — docs/sources.md#f3-1 (V9). NaN when H exceeds the centre field N·I/(2a).
 */
export function circularLoopOnAxisDistanceM(ampereTurnsA: number, radiusM: number, fieldAPerM: number): number {
  const r2 = ((ampereTurnsA * radiusM * radiusM) / (2 * fieldAPerM)) ** (2 / 3);
  const x2 = r2 - radiusM * radiusM;
  return x2 >= 0 ? Math.sqrt(x2) : Number.NaN;
}

/**
 * Drive needed for `fieldAPerM` at `distanceM` on the axis: N·I = 2H·(a² + x²)^{3/2}/a² (A) — docs/sources.md#f3-1 (V9).
 */
export function circularLoopRequiredAmpereTurnsA(radiusM: number, distanceM: number, fieldAPerM: number): number {
  const r2 = radiusM * radiusM + distanceM * distanceM;
  return (2 * fieldAPerM * r2 * Math.sqrt(r2)) / (radiusM * radiusM);
}

/**
 * Complete elliptic integrals K(m) and E(m), parameter m = k² ∈ [0, 1), by the arithmetic–geometric
 * mean: K = π/(2·AGM(1, √(1−m))), E = K·(1 − Σ 2^{n−1}·c_n²) with c_0² = m (Abramowitz & Stegun 17.6).
 * Used by the exact off-axis loop field (docs/sources.md#f3-1). Relative accuracy ≈ machine precision.
 */
export function ellipticKE(m: number): { k: number; e: number } {
  let a = 1;
  let b = Math.sqrt(1 - m);
  let sum = 0.5 * m; // 2^{-1}·c_0²
  let pow2 = 0.5;
  for (let i = 0; i < 40; i++) {
    const c = 0.5 * (a - b);
    pow2 *= 2;
    sum += pow2 * c * c;
    const an = 0.5 * (a + b);
    b = Math.sqrt(a * b);
    a = an;
    if (Math.abs(c) < 1e-16 * a) break;
  }
  const k = Math.PI / (2 * a);
  return { k, e: k * (1 - sum) };
}

/**
 * Circular loop, exact off-axis field — docs/sources.md#f3-1 (Biot–Savart; closed form with K, E, e.g. Simpson et al. 2001).
 * With α² = a² + r² − 2aρ, β² = a² + r² + 2aρ, r² = ρ² + z², m = 1 − α²/β²:
 * H_z = N·I/(2π α² β)·[(a² − r²)E + α²K];  H_ρ = N·I·z/(2π α² β ρ)·[(a² + r²)E − α²K].
 * @param ampereTurnsA N·I (A) · @param radiusM a (m) · @param radialM ρ ≥ 0 (m) · @param axialM z (m)
 */
export function circularLoopFieldAPerM(ampereTurnsA: number, radiusM: number, radialM: number, axialM: number): AxialRadialField {
  return {
    axialAPerM: circularLoopTiltedFieldAPerM(ampereTurnsA, radiusM, radialM, axialM, 1, 0),
    radialAPerM: circularLoopTiltedFieldAPerM(ampereTurnsA, radiusM, radialM, axialM, 0, 1),
  };
}

/**
 * H_z·cos t + H_ρ·sin t of the same loop (`circularLoopNormalFieldAPerM` with cos t and sin t given):
 * the 13.56 MHz model evaluates it several times per tap, so it returns one number instead of
 * objects. cosTilt/sinTilt = 1/0 → H_z, 0/1 → H_ρ.
 */
export function circularLoopTiltedFieldAPerM(ampereTurnsA: number, radiusM: number, radialM: number, axialM: number, cosTilt: number, sinTilt: number): number {
  const a = radiusM;
  const rho = Math.abs(radialM);
  const z = axialM;
  if (rho < 1e-12 * a) return circularLoopOnAxisFieldAPerM(ampereTurnsA, a, z) * cosTilt + 0 * sinTilt;
  const r2 = rho * rho + z * z;
  const alpha2 = a * a + r2 - 2 * a * rho;
  const beta2 = a * a + r2 + 2 * a * rho;
  const beta = Math.sqrt(beta2);
  const { k, e } = ellipticKE(1 - alpha2 / beta2); // small enough to inline: no object is made
  const c = ampereTurnsA / (2 * Math.PI * alpha2 * beta);
  return c * ((a * a - r2) * e + alpha2 * k) * cosTilt + ((c * z) / rho) * ((a * a + r2) * e - alpha2 * k) * sinTilt;
}

/**
 * Rectangular loop a × b on axis — docs/sources.md#f3-1 (V10):
 * H(x) = N·I·a·b / (4π·√((a/2)² + (b/2)² + x²)) · [1/((a/2)² + x²) + 1/((b/2)² + x²)].
 */
export function rectangularLoopOnAxisFieldAPerM(ampereTurnsA: number, widthM: number, lengthM: number, distanceM: number): number {
  const ha2 = (widthM / 2) ** 2;
  const hb2 = (lengthM / 2) ** 2;
  const x2 = distanceM * distanceM;
  return ((ampereTurnsA * widthM * lengthM) / (4 * Math.PI * Math.sqrt(ha2 + hb2 + x2))) * (1 / (ha2 + x2) + 1 / (hb2 + x2));
}

/**
 * Field of a finite straight segment from A to B carrying `currentA` (A→B) at point P — docs/sources.md#f3-1 Biot–Savart:
 * H = I/(4π)·(r1 × r2)·(|r1| + |r2|) / (|r1||r2|·(|r1||r2| + r1·r2)), r1 = P − A, r2 = P − B.
 * Adds into `out` (so a polygon is a sum of calls). Singular on the wire's line.
 */
export function addSegmentFieldAPerM(
  currentA: number,
  ax: number, ay: number, az: number,
  bx: number, by: number, bz: number,
  px: number, py: number, pz: number,
  out: FieldVector,
): void {
  const r1x = px - ax, r1y = py - ay, r1z = pz - az;
  const r2x = px - bx, r2y = py - by, r2z = pz - bz;
  const n1 = Math.sqrt(r1x * r1x + r1y * r1y + r1z * r1z);
  const n2 = Math.sqrt(r2x * r2x + r2y * r2y + r2z * r2z);
  const dot = r1x * r2x + r1y * r2y + r1z * r2z;
  const f = (currentA / (4 * Math.PI)) * (n1 + n2) / (n1 * n2 * (n1 * n2 + dot));
  out.hxAPerM += f * (r1y * r2z - r1z * r2y);
  out.hyAPerM += f * (r1z * r2x - r1x * r2z);
  out.hzAPerM += f * (r1x * r2y - r1y * r2x);
}

/**
 * Rectangular loop (width along x, length along y, centred, z = 0) at an arbitrary point (x, y, z):
 * sum of four finite segments — docs/sources.md#f3-1 Biot–Savart. On the axis it equals the V10 formula.
 */
export function rectangularLoopFieldAPerM(ampereTurnsA: number, widthM: number, lengthM: number, xM: number, yM: number, zM: number): FieldVector {
  const out: FieldVector = { hxAPerM: 0, hyAPerM: 0, hzAPerM: 0 };
  const w = widthM / 2;
  const l = lengthM / 2;
  addSegmentFieldAPerM(ampereTurnsA, -w, -l, 0, w, -l, 0, xM, yM, zM, out);
  addSegmentFieldAPerM(ampereTurnsA, w, -l, 0, w, l, 0, xM, yM, zM, out);
  addSegmentFieldAPerM(ampereTurnsA, w, l, 0, -w, l, 0, xM, yM, zM, out);
  addSegmentFieldAPerM(ampereTurnsA, -w, l, 0, -w, -l, 0, xM, yM, zM, out);
  return out;
}

/**
 * Field component normal to a tilted card plane (the flux-carrying component; docs/sources.md#f3-1–#f3-2).
 * The card normal starts along +z and is rotated by `tiltRad` about an in-plane axis at angle
 * `tiltAxisRad` from x: n = (sin φ·sin t, −cos φ·sin t, cos t). With φ = π/2 (axis along y), a
 * positive tilt leans the normal towards +x. Returns H·n, A/m.
 */
export function normalFieldAPerM(field: FieldVector, tiltRad: number, tiltAxisRad = Math.PI / 2): number {
  const st = Math.sin(tiltRad);
  return field.hxAPerM * Math.sin(tiltAxisRad) * st - field.hyAPerM * Math.cos(tiltAxisRad) * st + field.hzAPerM * Math.cos(tiltRad);
}

/**
 * Normal component through a card whose centre is offset radially by ρ from a circular loop's axis and
 * tilted by `tiltRad` about the axis perpendicular to the offset (worst/best case plane):
 * H_n = H_z·cos t + H_ρ·sin t — docs/sources.md#f3-1. Returns A/m.
 */
export function circularLoopNormalFieldAPerM(ampereTurnsA: number, radiusM: number, radialM: number, axialM: number, tiltRad: number): number {
  return circularLoopTiltedFieldAPerM(ampereTurnsA, radiusM, radialM, axialM, Math.cos(tiltRad), Math.sin(tiltRad));
}
