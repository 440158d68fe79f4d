/**
 * The 13.56 MHz link of one tap: the link budget at the carrier's position at each instant
 * (docs/sources.md#f1-2, #f3), with the field memoised by height, and the gesture's field entry and exit.
 */
import { approachDurationNs, heightAtM, positionAt, type TapTrajectory } from '../motion/tap-gesture.js';
import { NS_PER_S, type TimeNs } from '../units.js';
import { closeCouplingPowerFactor, frameErrorFromField, evaluateNfcLink, type PreparedNfcLink } from '../physics/nfc-link-budget.js';
import { circularLoopTiltedFieldAPerM } from '../physics/loop-field.js';
import { carrierPose, readerLoopNormalFieldAtPosePerAmpereTurnPerM, type CarrierPose } from '../physics/reader-loop-shape.js';
import type { FrameLink } from '../link/iso-dep.js';

/** Link evaluation at a gesture instant: −1 unpowered, else frame loss probability (docs/sources.md#f1-2, #f3). */
export function nfcLinkAt(pre: PreparedNfcLink, traj: TapTrajectory, tNs: TimeNs, bits: number): number {
  const pos = positionAt(traj, tNs);
  return evaluateNfcLink(pre, pos.heightM, pos.lateralOffsetM, pos.tiltRad, bits);
}

/**
 * The link of one tap with the field memoised by height: offset and tilt are fixed for a
 * gesture, so during the dwell (where most frames fall) every frame reuses one field value.
 */
export class TapLink implements FrameLink {
  private lastHeightM = NaN;
  private lastFieldPerAmpereTurn = 0;
  /** fieldScaleA × the close-coupling powering factor at the last height (physics/close-coupling.ts). */
  private lastPowerScaleA = 0;
  /** Gesture start → dwell height reached, ns (folded once per tap). */
  readonly approachNs: TimeNs;
  private readonly cosTilt: number;
  private readonly sinTilt: number;
  /** Rectangular reader: the carrier's pose (offset direction, tilt axis), folded once per tap; null for a circle. */
  private readonly pose: CarrierPose | null;

  constructor(
    private readonly pre: PreparedNfcLink,
    private readonly traj: TapTrajectory,
  ) {
    this.approachNs = approachDurationNs(traj);
    this.cosTilt = Math.cos(traj.tiltRad);
    this.sinTilt = Math.sin(traj.tiltRad);
    const psi = traj.offsetAngleRad ?? 0;
    this.pose = pre.loop.shape === 'rectangle' ? carrierPose(traj.lateralOffsetM, psi, traj.tiltRad, traj.tiltAxisRad ?? psi + Math.PI / 2) : null;
  }

  /** Normal field per ampere-turn at `heightM` (offset and tilt of the gesture), 1/m — docs/sources.md#f3-1. */
  fieldAtHeight(heightM: number): number {
    if (heightM !== this.lastHeightM) {
      this.lastHeightM = heightM;
      // Circle: as normalFieldPerAmpereTurnPerM, with the tilt's cosine and sine folded once per tap.
      // Rectangle: the four sides' field through the carrier's pose (rectangular-loop-normal.ts).
      this.lastFieldPerAmpereTurn =
        this.pose === null
          ? Math.abs(circularLoopTiltedFieldAPerM(1, this.pre.radiusM, this.traj.lateralOffsetM, heightM, this.cosTilt, this.sinTilt))
          : Math.abs(readerLoopNormalFieldAtPosePerAmpereTurnPerM(this.pre.loop, heightM, this.pose));
      this.lastPowerScaleA = this.pre.fieldScaleA * closeCouplingPowerFactor(this.pre, this.lastFieldPerAmpereTurn);
    }
    return this.lastFieldPerAmpereTurn;
  }

  /** Effective powering field at `heightM`, A/m: H_eff with the close-coupling detuning (docs/sources.md#f1-2, #f3-3). */
  poweringFieldAtHeight(heightM: number): number {
    const h = this.fieldAtHeight(heightM);
    return this.lastPowerScaleA * h;
  }

  /** Powered at `heightM`: H_eff ≥ Hmin (docs/sources.md#f1-2). */
  poweredAtHeight(heightM: number): boolean {
    return this.poweringFieldAtHeight(heightM) >= this.pre.hminAPerM;
  }

  powered(tNs: TimeNs): boolean {
    return this.poweredAtHeight(heightAtM(this.traj, tNs, this.approachNs));
  }

  /**
   * As evaluateNfcLink (docs/sources.md#f1-2, #f3): −1 unpowered (close-coupling detuning included), else the
   * frame loss probability from the uplink SNR of the field (the detuning is not applied to the uplink).
   */
  frameErrorProbability(tNs: TimeNs, bits: number): number {
    const heightM = heightAtM(this.traj, tNs, this.approachNs);
    if (!this.poweredAtHeight(heightM)) return -1;
    return frameErrorFromField(this.pre, this.fieldAtHeight(heightM), bits);
  }

  /** ln(H_eff / Hmin) at `heightM`: ≥ 0 where powered (used only to place the next trial height). */
  logMarginAtHeight(heightM: number): number {
    return Math.log(this.poweringFieldAtHeight(heightM) / this.pre.hminAPerM);
  }
}

/** Crossing resolution in time: 0.5 ms, a tenth of the shortest 5.1 ms poll cycle (docs/sources.md#f1-2). */
const CROSSING_RESOLUTION_NS = 500_000;

/**
 * Field entry and exit of a gesture that is powered at its dwell height but not at its start height.
 *
 * Offset and tilt are fixed for the gesture, so "powered" depends on the height alone and the
 * threshold is one height h* (taken as monotone along the approach and the retreat, as the
 * model always has). h* is bracketed in height to within the distance the slower of the two
 * motions covers in 0.5 ms, so both crossing times carry at most the 0.5 ms resolution; trial
 * heights come from false position on ln(H_eff/Hmin) (Illinois variant, steps kept ≥ half the
 * tolerance from the bracket ends), which needs a handful of field evaluations instead of two
 * time bisections of ~10 each.
 * Entry is the first instant the approach reaches the powered end of the bracket; exit the first
 * instant the retreat reaches the unpowered end (as the time bisections returned: powered at
 * entry, unpowered at exit).
 */
export function fieldCrossingsNs(link: TapLink, traj: TapTrajectory, dwellEndNs: TimeNs, endNs: TimeNs): { entryNs: TimeNs; exitNs: TimeNs } {
  const toleranceM = (Math.min(traj.approachSpeedMPerS, traj.retreatSpeedMPerS) * CROSSING_RESOLUTION_NS) / NS_PER_S;
  let poweredM = traj.dwellHeightM;
  let unpoweredM = traj.startHeightM;
  let gPowered = link.logMarginAtHeight(poweredM);
  let gUnpowered = link.logMarginAtHeight(unpoweredM);
  let lastSide = 0; // +1 powered end moved last, −1 unpowered end
  while (unpoweredM - poweredM > toleranceM) {
    const span = unpoweredM - poweredM;
    let h = poweredM + span / 2;
    if (Number.isFinite(gPowered) && Number.isFinite(gUnpowered) && gPowered > gUnpowered) {
      h = poweredM + (span * gPowered) / (gPowered - gUnpowered);
    }
    h = Math.min(Math.max(h, poweredM + toleranceM / 2), unpoweredM - toleranceM / 2);
    const g = link.logMarginAtHeight(h);
    if (link.poweredAtHeight(h)) {
      poweredM = h;
      gPowered = g;
      if (lastSide === 1) gUnpowered /= 2; // Illinois: the stale end's weight halves
      lastSide = 1;
    } else {
      unpoweredM = h;
      gUnpowered = g;
      if (lastSide === -1) gPowered /= 2;
      lastSide = -1;
    }
  }
  const approachNs = link.approachNs;
  const entryNs = Math.min(approachNs, Math.max(0, Math.ceil(((traj.startHeightM - poweredM) / traj.approachSpeedMPerS) * NS_PER_S)));
  const exitNs = Math.min(endNs, Math.max(dwellEndNs, Math.ceil(dwellEndNs + ((unpoweredM - traj.dwellHeightM) / traj.retreatSpeedMPerS) * NS_PER_S)));
  return { entryNs, exitNs };
}
