/**
 * The tap gesture: how a hand moves a phone or card to a reader and away (docs/sources.md#f4-1, #f10-2).
 *
 * A trajectory is approach (from `startHeightM` down to `dwellHeightM` at `approachSpeedMPerS`),
 * dwell (`holdNs` at the dwell height), then retreat at `retreatSpeedMPerS` back up. Lateral
 * offset and tilt are held for the whole gesture. `positionAt` is pure, so a band model can
 * evaluate the link against the position at each frame's instant.
 *
 * The gesture is closed-loop (motion/closed-loop.ts): the passenger holds until the reader's
 * indication plus a reaction time (`reactionNs`). The trajectory's dwell is the impatience draw —
 * the longest they hold without any indication — because once the reader has indicated, the link
 * no longer matters; the attempt then ends at the indication (plus the reaction after a failure).
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
  /** Impatience: the longest the passenger holds at the dwell height without any indication from the reader, s. */
  impatienceS: Distribution;
  /** Reaction time from the reader's indication (beep, light) to the passenger's next move, s. */
  reactionTimeS: Distribution;
  /** Retreat speed, m/s. */
  retreatSpeedMPerS: Distribution;
  /** Height of the presentation instant above the reader surface, m (`presentationNs`). */
  presentationHeightM: number;
}

export interface TapTrajectory {
  startHeightM: number;
  approachSpeedMPerS: number;
  dwellHeightM: number;
  lateralOffsetM: number;
  tiltRad: number;
  /** Dwell held when the reader gives no indication (the impatience draw), ns. */
  holdNs: TimeNs;
  retreatSpeedMPerS: number;
  /** Reaction to the reader's indication, ns (motion/closed-loop.ts). */
  reactionNs: TimeNs;
  /** Height of the presentation instant, m (`presentationNs`). */
  presentationHeightM: number;
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
    holdNs: Math.max(0, s(sample(rng, p.impatienceS))),
    retreatSpeedMPerS: Math.max(0.02, sample(rng, p.retreatSpeedMPerS)),
    reactionNs: Math.max(0, s(sample(rng, p.reactionTimeS))),
    presentationHeightM: p.presentationHeightM,
  };
}

/** Time from gesture start until the dwell height is reached, ns. */
export function approachDurationNs(t: TapTrajectory): TimeNs {
  return s(Math.max(0, t.startHeightM - t.dwellHeightM) / t.approachSpeedMPerS);
}

/**
 * The presentation instant, ns after gesture start: the first instant on the approach that the
 * carrier is within `presentationHeightM` of the reader surface — or, when the dwell height is
 * above that, the instant the dwell height is reached. Every band times its latency from here
 * (docs/architecture.md#tap-timeline); 0 when the gesture starts inside the presentation height.
 */
export function presentationNs(t: TapTrajectory): TimeNs {
  const targetM = Math.max(t.presentationHeightM, t.dwellHeightM);
  return s(Math.max(0, t.startHeightM - targetM) / t.approachSpeedMPerS);
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

/**
 * Presentation height, m: 0.10 [E] — no published definition of "presented"; 10 cm is above every
 * read range of both bands' defaults (13.56 MHz ≈ 7 cm, docs/sources.md#f3-1; the 2.45 GHz LF
 * start distance 5 cm, docs/sources.md#f6-4), so the latency clock starts before any reader can act on the default gesture.
 */
export const PRESENTATION_HEIGHT_M = 0.1;

/**
 * Gesture defaults [E]: docs/sources.md#f4-1 (EMVCo operating volume 0–4 cm: dwell mode 1 cm, at most 4 cm).
 * impatienceS [E]: median 1.5 s (5–95 % ≈ 0.85–2.7 s), so nearly everyone outlasts a normal tap (docs/sources.md#f10-2:
 * 250–800 ms from card detection) and a reader that never answers is abandoned within 1–3 s.
 * reactionTimeS: median 0.2 s, docs/sources.md#f8-4 (simple reaction to a sound ≈ 0.16 s, to a light ≈ 0.19–0.23 s).
 */
export const DEFAULT_TAP_GESTURE: TapGestureParams = {
  startHeightM: 0.2,
  approachSpeedMPerS: { kind: 'lognormal', mu: Math.log(0.5), sigma: 0.3 },
  dwellHeightM: { kind: 'triangular', min: 0, mode: 0.01, max: 0.04 },
  lateralOffsetM: { kind: 'normal', mean: 0, sd: 0.015 },
  tiltDeg: { kind: 'normal', mean: 0, sd: 12 },
  impatienceS: { kind: 'lognormal', mu: Math.log(1.5), sigma: 0.35 },
  retreatSpeedMPerS: { kind: 'lognormal', mu: Math.log(0.6), sigma: 0.3 },
  reactionTimeS: { kind: 'lognormal', mu: Math.log(0.2), sigma: 0.25 },
  presentationHeightM: PRESENTATION_HEIGHT_M,
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
