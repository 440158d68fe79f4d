/**
 * Overfield: where a reader exceeds the ISO/IEC 14443 class Hmax in an operating volume (issue 17),
 * for the compliance layer of field maps. A limit, not a failure model: nothing here says what a card
 * does above Hmax.
 *
 * Hmax by class is [S] (BSI 2014 = S2; docs/sources.md#f1-2): Class 1 7.5, Class 3 8.5, Class 6
 * 18 A/m (`PICC_CLASS_HMAX_A_PER_M`); classes 2, 4, 5 have no readable source, so a scenario must
 * give Hmax itself. ISO measures the field with a single-turn calibration coil whose reading
 * "represents the field strength" (S2, §4.2.1) — a flux average over the coil,
 * whose dimensions are [U]; this scan uses the point normal field of a flat (untilted) carrier, the
 * quantity tapsim's powering uses. Near the winding the point value and a coil average differ.
 */
import { PICC_CLASS_HMAX_A_PER_M } from './nfc-link-budget.js';
import { readerLoopNormalFieldPerAmpereTurnPerM, type ReaderLoopShape } from './reader-loop-shape.js';

/** Hmax of a PICC class, A/m, or null where no source gives it (classes 2, 4, 5) — [S] S2, docs/sources.md#f1-2. */
export function piccClassHmaxAPerM(piccClass: number): number | null {
  return (PICC_CLASS_HMAX_A_PER_M as Record<number, number>)[piccClass] ?? null;
}

/** Margin of a field over a limit, dB: 20·log10(H/Hmax); > 0 exceeds. */
export function overfieldMarginDb(fieldAPerM: number, hmaxAPerM: number): number {
  return 20 * Math.log10(Math.abs(fieldAPerM) / hmaxAPerM);
}

/**
 * A cylinder above the reader centre, z 0…maxHeightM, ρ 0…maxOffsetM, sampled on a node grid.
 * EMVCo: height 0–4 cm [S-weak]/[U] and test points at r ≈ 1.5 and 2.5 cm [U] (docs/sources.md#f4-1, #f11-4).
 */
export interface OperatingVolume {
  maxHeightM: number;
  maxOffsetM: number;
  /** Intervals (nodes − 1) along z, along ρ, and around the axis (angles 0…2π, used by rectangles). */
  heightSteps: number;
  offsetSteps: number;
  angleSteps: number;
}

export interface OverfieldScan {
  /** Largest |H_n| in the volume, A/m, and where (the first grid node reaching it). */
  maxFieldAPerM: number;
  maxAtHeightM: number;
  maxAtOffsetM: number;
  maxAtAngleRad: number;
  /** Share of the volume (cylindrical trapezoid weights) where |H_n| > Hmax. */
  exceedingVolumeFraction: number;
  /** Greatest height with a node above Hmax, m; null if none. */
  exceedingUpToHeightM: number | null;
  /** Drive at which the whole volume just meets Hmax, A (the field is linear in N·I). */
  ampereTurnsAtHmaxA: number;
}

/** Trapezoid weight of node j of n intervals on 0…R with the cylindrical factor ρ (the sum is R²/2). */
function radialWeight(j: number, n: number, stepM: number): number {
  if (j === 0) return (stepM * stepM) / 8;
  if (j === n) return ((n * stepM - stepM / 4) * stepM) / 2;
  return j * stepM * stepM;
}

/**
 * Scan |H_n| (flat carrier, normal = z) of a reader loop driven at `ampereTurnsA` over `volume` against
 * `hmaxAPerM` (docs/sources.md#f1-2, #f3-1). A node exactly on the winding gives an infinite field
 * (thin wire): keep the volume's offsets off the winding or read the result as "exceeds there".
 */
export function scanOverfield(loop: ReaderLoopShape, ampereTurnsA: number, hmaxAPerM: number, volume: OperatingVolume): OverfieldScan {
  const { maxHeightM, maxOffsetM, heightSteps, offsetSteps } = volume;
  const angleSteps = loop.shape === 'circle' ? 1 : volume.angleSteps; // a circle is the same at every angle
  const dz = heightSteps > 0 ? maxHeightM / heightSteps : 0;
  const dr = offsetSteps > 0 ? maxOffsetM / offsetSteps : 0;
  let best = -1;
  let at = { h: 0, r: 0, a: 0 };
  let exceed = 0;
  let total = 0;
  let topM: number | null = null;
  for (let i = 0; i <= heightSteps; i++) {
    const z = i * dz;
    const wz = i === 0 || i === heightSteps ? 0.5 : 1;
    for (let j = 0; j <= offsetSteps; j++) {
      const rho = j * dr;
      const w = wz * (offsetSteps === 0 ? 1 : radialWeight(j, offsetSteps, dr));
      for (let k = 0; k < angleSteps; k++) {
        const angle = (2 * Math.PI * k) / angleSteps;
        const h = Math.abs(ampereTurnsA * readerLoopNormalFieldPerAmpereTurnPerM(loop, z, rho, angle, 0, 0));
        total += w;
        if (h > best) {
          best = h;
          at = { h: z, r: rho, a: angle };
        }
        if (h > hmaxAPerM) {
          exceed += w;
          topM = topM === null ? z : Math.max(topM, z);
        }
      }
    }
  }
  return {
    maxFieldAPerM: best,
    maxAtHeightM: at.h,
    maxAtOffsetM: at.r,
    maxAtAngleRad: at.a,
    exceedingVolumeFraction: exceed / total,
    exceedingUpToHeightM: topM,
    ampereTurnsAtHmaxA: (ampereTurnsA * hmaxAPerM) / best,
  };
}
