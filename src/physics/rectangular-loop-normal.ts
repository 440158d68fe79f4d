/**
 * Normal field of a rectangular reader loop through a tilted carrier plane, fast enough for every
 * link evaluation (issue 17): the Biot–Savart field of four finite straight sides in closed form
 * (docs/sources.md#f3-1), written out for axis-aligned sides so that the four corner distances are
 * the only square roots, no object is made, and the result is one number.
 *
 * The loop: width w along x, length l along y, centred on the origin in z = 0, current
 * counter-clockwise seen from +z (as `rectangularLoopFieldAPerM` in loop-field.ts), so the field on
 * the axis is +z. Fields are rms A/m for rms ampere-turns N·I.
 */

/**
 * H·n at P = (x, y, z) for a unit vector n = (nx, ny, nz), A/m.
 * Side from corner A to corner B along unit u: H = N·I/(4π·d²)·[u·(B − P)/|B − P| − u·(A − P)/|A − P|]·(u × (P − A)),
 * d the distance from P to the side's line (docs/sources.md#f3-1, finite straight wire). A point on a
 * side's line outside the side gets nothing from that side (its exact limit); on a side (thin wire,
 * corners included) the field diverges and the result is +Infinity.
 */
export function rectangularLoopNormalFieldAPerM(
  ampereTurnsA: number,
  widthM: number,
  lengthM: number,
  xM: number,
  yM: number,
  zM: number,
  nx: number,
  ny: number,
  nz: number,
): number {
  const dx1 = xM + widthM / 2; // P − corner, x (left side x = −w/2)
  const dx2 = xM - widthM / 2; // (right side x = +w/2)
  const dy1 = yM + lengthM / 2; // (bottom side y = −l/2)
  const dy2 = yM - lengthM / 2; // (top side y = +l/2)
  const z2 = zM * zM;
  const r11 = Math.sqrt(dx1 * dx1 + dy1 * dy1 + z2); // corner (−w/2, −l/2)
  const r21 = Math.sqrt(dx2 * dx2 + dy1 * dy1 + z2); // (+w/2, −l/2)
  const r22 = Math.sqrt(dx2 * dx2 + dy2 * dy2 + z2); // (+w/2, +l/2)
  const r12 = Math.sqrt(dx1 * dx1 + dy2 * dy2 + z2); // (−w/2, +l/2)
  let h = 0;
  // Bottom, +x at y = −l/2: direction (0, −z, dy1), d² = dy1² + z².
  let d2 = dy1 * dy1 + z2;
  if (d2 > 0) h += ((dx1 / r11 - dx2 / r21) / d2) * (-zM * ny + dy1 * nz);
  else if (dx1 >= 0 && dx2 <= 0) return Infinity;
  // Right, +y at x = +w/2: direction (z, 0, −dx2), d² = dx2² + z².
  d2 = dx2 * dx2 + z2;
  if (d2 > 0) h += ((dy1 / r21 - dy2 / r22) / d2) * (zM * nx - dx2 * nz);
  else if (dy1 >= 0 && dy2 <= 0) return Infinity;
  // Top, −x at y = +l/2: direction (0, z, −dy2), d² = dy2² + z².
  d2 = dy2 * dy2 + z2;
  if (d2 > 0) h += ((dx1 / r12 - dx2 / r22) / d2) * (zM * ny - dy2 * nz);
  else if (dx1 >= 0 && dx2 <= 0) return Infinity;
  // Left, −y at x = −w/2: direction (−z, 0, dx1), d² = dx1² + z².
  d2 = dx1 * dx1 + z2;
  if (d2 > 0) h += ((dy1 / r11 - dy2 / r12) / d2) * (-zM * nx + dx1 * nz);
  else if (dy1 >= 0 && dy2 <= 0) return Infinity;
  return (ampereTurnsA / (4 * Math.PI)) * h;
}

/**
 * The carrier-plane normal after a tilt t about an in-plane axis at angle φ from x (the convention of
 * `normalFieldAPerM`, loop-field.ts): n = (sin φ·sin t, −cos φ·sin t, cos t).
 */
export function tiltedNormal(tiltRad: number, tiltAxisRad: number): { nx: number; ny: number; nz: number } {
  const st = Math.sin(tiltRad);
  return { nx: Math.sin(tiltAxisRad) * st, ny: -Math.cos(tiltAxisRad) * st, nz: Math.cos(tiltRad) };
}

/**
 * Normal field through a carrier at `heightM`, offset `lateralOffsetM` from the loop's axis in direction
 * `offsetAngleRad` (from the width axis x), tilted by `tiltRad` about an in-plane axis at `tiltAxisRad`
 * from x — docs/sources.md#f3-1, #f3-2 (the flux-carrying component). A, m, rad → A/m.
 * With the tilt axis perpendicular to the offset (φ = ψ + π/2) a positive tilt leans the normal outward,
 * as `circularLoopNormalFieldAPerM` does for circles. Per-tap constants: precompute the point and the
 * normal once and call `rectangularLoopNormalFieldAPerM` per frame.
 */
export function rectangularLoopTiltedFieldAPerM(
  ampereTurnsA: number,
  widthM: number,
  lengthM: number,
  heightM: number,
  lateralOffsetM: number,
  offsetAngleRad: number,
  tiltRad: number,
  tiltAxisRad: number,
): number {
  const n = tiltedNormal(tiltRad, tiltAxisRad);
  const x = lateralOffsetM * Math.cos(offsetAngleRad);
  const y = lateralOffsetM * Math.sin(offsetAngleRad);
  return rectangularLoopNormalFieldAPerM(ampereTurnsA, widthM, lengthM, x, y, heightM, n.nx, n.ny, n.nz);
}
