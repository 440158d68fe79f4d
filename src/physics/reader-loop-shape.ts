/**
 * Reader antenna shape: a circular or a rectangular loop, with one normal-field function for both
 * (issue 17: `shape: circle | rectangle`). Per ampere-turn, so the band folds N·I into its own
 * constants as `prepareNfcLink` does (nfc-link-budget.ts). docs/sources.md#f3-1.
 */
import { circularLoopOnAxisFieldAPerM, circularLoopTiltedFieldAPerM, rectangularLoopOnAxisFieldAPerM } from './loop-field.js';
import { rectangularLoopNormalFieldAPerM } from './rectangular-loop-normal.js';

export type ReaderLoopShape =
  | { shape: 'circle'; radiusM: number }
  /** width along the reader's x axis (the axis offset angles are measured from), length along y. */
  | { shape: 'rectangle'; widthM: number; lengthM: number };

/**
 * Where the carrier is and how it is turned, folded once per tap (only the height changes during a
 * gesture): centre offset `lateralOffsetM` in direction ψ = `offsetAngleRad` from x, plane tilted by t =
 * `tiltRad` about an in-plane axis at φ = `tiltAxisRad` from x, normal n = (sin φ·sin t, −cos φ·sin t, cos t).
 */
export interface CarrierPose {
  offsetM: number;
  xM: number;
  yM: number;
  nx: number;
  ny: number;
  nz: number;
  /** n·ρ̂ = sin t·sin(φ − ψ): the weight of the circle's radial field. */
  radialWeight: number;
}

export function carrierPose(lateralOffsetM: number, offsetAngleRad: number, tiltRad: number, tiltAxisRad: number): CarrierPose {
  const st = Math.sin(tiltRad);
  return {
    offsetM: lateralOffsetM,
    xM: lateralOffsetM * Math.cos(offsetAngleRad),
    yM: lateralOffsetM * Math.sin(offsetAngleRad),
    nx: Math.sin(tiltAxisRad) * st,
    ny: -Math.cos(tiltAxisRad) * st,
    nz: Math.cos(tiltRad),
    radialWeight: st * Math.sin(tiltAxisRad - offsetAngleRad),
  };
}

/**
 * Normal field per ampere-turn, 1/m (H_n/(N·I)), at `heightM` for a carrier pose — docs/sources.md#f3-1.
 * Circle: H_z·cos t + H_ρ·sin t·sin(φ − ψ) (only the tilt axis relative to the offset matters; φ = ψ + π/2
 * is `circularLoopNormalFieldAPerM`). Rectangle: four straight sides (rectangular-loop-normal.ts).
 */
export function readerLoopNormalFieldAtPosePerAmpereTurnPerM(loop: ReaderLoopShape, heightM: number, pose: CarrierPose): number {
  if (loop.shape === 'circle') return circularLoopTiltedFieldAPerM(1, loop.radiusM, pose.offsetM, heightM, pose.nz, pose.radialWeight);
  return rectangularLoopNormalFieldAPerM(1, loop.widthM, loop.lengthM, pose.xM, pose.yM, heightM, pose.nx, pose.ny, pose.nz);
}

/** As `readerLoopNormalFieldAtPosePerAmpereTurnPerM` from the angles directly (one-off evaluations, field maps). */
export function readerLoopNormalFieldPerAmpereTurnPerM(
  loop: ReaderLoopShape,
  heightM: number,
  lateralOffsetM: number,
  offsetAngleRad: number,
  tiltRad: number,
  tiltAxisRad: number,
): number {
  return readerLoopNormalFieldAtPosePerAmpereTurnPerM(loop, heightM, carrierPose(lateralOffsetM, offsetAngleRad, tiltRad, tiltAxisRad));
}

/** On-axis field per ampere-turn at `distanceM`, 1/m: V9 circle, V10 rectangle (docs/sources.md#f3-1). */
export function readerLoopOnAxisFieldPerAmpereTurnPerM(loop: ReaderLoopShape, distanceM: number): number {
  return loop.shape === 'circle' ? circularLoopOnAxisFieldAPerM(1, loop.radiusM, distanceM) : rectangularLoopOnAxisFieldAPerM(1, loop.widthM, loop.lengthM, distanceM);
}

/** Area enclosed by the loop, m². */
export function readerLoopAreaM2(loop: ReaderLoopShape): number {
  return loop.shape === 'circle' ? Math.PI * loop.radiusM * loop.radiusM : loop.widthM * loop.lengthM;
}

/**
 * Radius of the circle with the same area as a w × l rectangle, m: √(w·l/π) (rule of thumb "rectangle →
 * circle of equal area", [S-weak] Circuit Cellar #211, 2008). 35.7 mm for 80 × 50 mm.
 */
export function equalAreaCircleRadiusM(widthM: number, lengthM: number): number {
  return Math.sqrt((widthM * lengthM) / Math.PI);
}
