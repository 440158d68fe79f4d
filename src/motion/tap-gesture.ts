/**
 * The tap gesture: how a hand moves a phone or card to a reader and away (docs/sources.md#f4-1, #f10-2).
 *
 * A trajectory is approach (from `startHeightM` down to `dwellHeightM` at `approachSpeedMPerS`),
 * dwell (`holdNs` at the dwell height), then retreat at `retreatSpeedMPerS` back up. Lateral
 * offset and tilt are held for the whole gesture. `positionAt` is pure, so a band model can
 * evaluate the link against the position at each frame's instant.
 */
import type { RandomStream } from '../random/stream.js';
import { sample, type Distribution } from '../random/distributions.js';
import type { TimeNs } from '../units.js';
import { NS_PER_S, s } from '../units.js';

export interface TapGestureParams {
  /** Height above the reader surface where the approach starts, m. */
  startHeightM: number;
  /** Approach speed towards the reader, m/s. */
  approachSpeedMPerS: Distribution;
  /** Closest height reached and held, m. */
  dwellHeightM: Distribution;
  /** Lateral offset of the carrier's antenna centre from the reader axis, m. */
  lateralOffsetM: Distribution;
  /** Tilt of the carrier's plane against the reader's plane, degrees. */
  tiltDeg: Distribution;
  /** Time held at the dwell height, s. */
  holdS: Distribution;
  /** Retreat speed, m/s. */
  retreatSpeedMPerS: Distribution;
}

export interface TapTrajectory {
  startHeightM: number;
  approachSpeedMPerS: number;
  dwellHeightM: number;
  lateralOffsetM: number;
  tiltRad: number;
  holdNs: TimeNs;
  retreatSpeedMPerS: number;
  /**
   * Direction of the lateral offset from the reader's x (width) axis, rad, and the in-plane axis the
   * carrier is tilted about, rad from x. Drawn only for rectangular readers (`drawGestureAngles`); absent:
   * offset along x and tilt about the perpendicular axis (a circle needs nothing more).
   */
  offsetAngleRad?: number;
  tiltAxisRad?: number;
}

export interface CarrierPosition {
  heightM: number;
  lateralOffsetM: number;
  tiltRad: number;
}

/** Draw one trajectory; negative draws are clipped to physical limits. */
export function drawTrajectory(rng: RandomStream, p: TapGestureParams): TapTrajectory {
  return {
    startHeightM: p.startHeightM,
    approachSpeedMPerS: Math.max(0.02, sample(rng, p.approachSpeedMPerS)),
    dwellHeightM: Math.max(0, sample(rng, p.dwellHeightM)),
    lateralOffsetM: sample(rng, p.lateralOffsetM),
    tiltRad: (Math.max(-89, Math.min(89, sample(rng, p.tiltDeg))) * Math.PI) / 180,
    holdNs: Math.max(0, s(sample(rng, p.holdS))),
    retreatSpeedMPerS: Math.max(0.02, sample(rng, p.retreatSpeedMPerS)),
  };
}

/** Time from gesture start until the dwell height is reached, ns. */
export function approachDurationNs(t: TapTrajectory): TimeNs {
  return s(Math.max(0, t.startHeightM - t.dwellHeightM) / t.approachSpeedMPerS);
}

/** Total duration until the carrier is back at the start height, ns. */
export function gestureDurationNs(t: TapTrajectory): TimeNs {
  const retreatNs = s(Math.max(0, t.startHeightM - t.dwellHeightM) / t.retreatSpeedMPerS);
  return approachDurationNs(t) + t.holdNs + retreatNs;
}

/**
 * Height of the carrier at `tNs` after gesture start, m (pure; what `positionAt` reports, without
 * allocating). `approachNs` must be `approachDurationNs(t)` (callers evaluating many instants fold it once).
 */
export function heightAtM(t: TapTrajectory, tNs: TimeNs, approachNs: TimeNs = approachDurationNs(t)): number {
  let heightM: number;
  if (tNs <= approachNs) {
    heightM = t.startHeightM - (t.approachSpeedMPerS * tNs) / NS_PER_S;
  } else if (tNs <= approachNs + t.holdNs) {
    heightM = t.dwellHeightM;
  } else {
    heightM = Math.min(t.startHeightM, t.dwellHeightM + (t.retreatSpeedMPerS * (tNs - approachNs - t.holdNs)) / NS_PER_S);
  }
  return Math.max(t.dwellHeightM, heightM);
}

/** Position of the carrier at `tNs` after gesture start (pure). */
export function positionAt(t: TapTrajectory, tNs: TimeNs): CarrierPosition {
  return { heightM: heightAtM(t, tNs), lateralOffsetM: t.lateralOffsetM, tiltRad: t.tiltRad };
}

/** Gesture defaults [E]: docs/sources.md#f10-2 (a deliberate tap holds ≈ 0.3–1 s), #f4-1 (EMVCo operating volume 0–4 cm: dwell mode 1 cm, at most 4 cm). */
export const DEFAULT_TAP_GESTURE: TapGestureParams = {
  startHeightM: 0.2,
  approachSpeedMPerS: { kind: 'lognormal', mu: Math.log(0.5), sigma: 0.3 },
  dwellHeightM: { kind: 'triangular', min: 0, mode: 0.01, max: 0.04 },
  lateralOffsetM: { kind: 'normal', mean: 0, sd: 0.015 },
  tiltDeg: { kind: 'normal', mean: 0, sd: 12 },
  holdS: { kind: 'lognormal', mu: Math.log(0.5), sigma: 0.4 },
  retreatSpeedMPerS: { kind: 'lognormal', mu: Math.log(0.6), sigma: 0.3 },
};

/**
 * The two angles a rectangular reader needs (issue 17) [E]: offset direction ψ ~ U(0, 2π) and tilt axis
 * φ ~ U(0, π) from the reader's x axis (the tilt's sign already covers φ + π). Drawn after the
 * trajectory, and only by bands whose reader is rectangular, so circle scenarios keep their streams.
 */
export function drawGestureAngles(rng: RandomStream): { offsetAngleRad: number; tiltAxisRad: number } {
  const offsetAngleRad = 2 * Math.PI * rng.next01();
  return { offsetAngleRad, tiltAxisRad: Math.PI * rng.next01() };
}
