/**
 * Test support (not used by the build): the Biot–Savart line integral H = I/(4π)·∮ dl × (P − Q)/|P − Q|³
 * evaluated numerically, independent of the closed forms in src/physics/ (docs/sources.md#f3-1).
 * Circles by the trapezoid rule in φ (periodic and analytic off the wire, so it converges
 * geometrically); straight sides by composite 5-point Gauss–Legendre.
 */

export type Vec3 = [number, number, number];

/** Field of a circular loop (radius a, z = 0, counter-clockwise seen from +z) at P, A/m, by `n` trapezoid nodes. */
export function circleFieldByQuadrature(currentA: number, radiusM: number, p: Vec3, n = 2048): Vec3 {
  const a = radiusM;
  const h: Vec3 = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const phi = (2 * Math.PI * i) / n;
    const c = Math.cos(phi);
    const s = Math.sin(phi);
    const rx = p[0] - a * c, ry = p[1] - a * s, rz = p[2];
    const dlx = -a * s, dly = a * c; // dl/dφ
    const r2 = rx * rx + ry * ry + rz * rz;
    const r3 = r2 * Math.sqrt(r2);
    h[0] += (dly * rz) / r3;
    h[1] += (-dlx * rz) / r3;
    h[2] += (dlx * ry - dly * rx) / r3;
  }
  const f = (currentA / (4 * Math.PI)) * ((2 * Math.PI) / n);
  return [h[0] * f, h[1] * f, h[2] * f];
}

const GL5_NODES = [-0.906179845938664, -0.5384693101056831, 0, 0.5384693101056831, 0.906179845938664];
const GL5_WEIGHTS = [0.23692688505618908, 0.47862867049936647, 0.5688888888888889, 0.47862867049936647, 0.23692688505618908];

/** Adds the field of a straight wire A→B carrying `currentA` at P into `out`, by `panels` 5-point Gauss–Legendre panels. */
export function addSegmentFieldByQuadrature(currentA: number, a: Vec3, b: Vec3, p: Vec3, out: Vec3, panels = 400): void {
  const dx = b[0] - a[0], dy = b[1] - a[1], dz = b[2] - a[2];
  const hPanel = 1 / panels;
  for (let k = 0; k < panels; k++) {
    for (let j = 0; j < 5; j++) {
      const t = (k + 0.5 + 0.5 * GL5_NODES[j]!) * hPanel;
      const w = 0.5 * GL5_WEIGHTS[j]! * hPanel;
      const rx = p[0] - (a[0] + t * dx), ry = p[1] - (a[1] + t * dy), rz = p[2] - (a[2] + t * dz);
      const r2 = rx * rx + ry * ry + rz * rz;
      const f = (w * currentA) / (4 * Math.PI * r2 * Math.sqrt(r2));
      out[0] += f * (dy * rz - dz * ry);
      out[1] += f * (dz * rx - dx * rz);
      out[2] += f * (dx * ry - dy * rx);
    }
  }
}

/** Field of a w × l rectangle (w along x, centred, z = 0, counter-clockwise seen from +z) at P, by quadrature. */
export function rectangleFieldByQuadrature(currentA: number, widthM: number, lengthM: number, p: Vec3, panels = 400): Vec3 {
  const w = widthM / 2;
  const l = lengthM / 2;
  const corners: Vec3[] = [[-w, -l, 0], [w, -l, 0], [w, l, 0], [-w, l, 0]];
  const out: Vec3 = [0, 0, 0];
  for (let i = 0; i < 4; i++) addSegmentFieldByQuadrature(currentA, corners[i]!, corners[(i + 1) % 4]!, p, out, panels);
  return out;
}
