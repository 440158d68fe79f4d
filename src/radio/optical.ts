/**
 * The optical band: a QR code on the carrier's screen read by the reader's camera, for comparison
 * with the radio bands. The carrier brings the band, so every reader reads it. A scan runs the
 * flow's processing steps in sequence from the presentation and fails with the carrier's `qrScanFailure` probability [E]; a failed
 * scan is indicated, so the attempt ends after the passenger's reaction (motion/closed-loop.ts).
 */
import { sample } from '../random/distributions.js';
import type { RandomStream } from '../random/stream.js';
import { qrOpticalFlow, type ApduFlow } from '../link/apdu-flows.js';
import { ms } from '../units.js';
import { attemptEndNs } from '../motion/closed-loop.js';
import { presentationNs, type TapTrajectory } from '../motion/tap-gesture.js';
import { singleComponentTimeline } from '../link/tap-timeline.js';
import type { TapOutcome } from './tap-outcome.js';
import type { BandModel } from './band.js';

export interface OpticalPrepared {
  flow: ApduFlow;
  /** Probability that one QR scan fails [E]. */
  failure: number;
}

/**
 * A QR scan: the flow's processing steps in sequence, from the code's presentation to the camera
 * (motion/tap-gesture.ts `presentationNs`); the scan is the reader's work (`readerNs`). A scan
 * fails with probability `failure`.
 */
export function opticalTap(flow: ApduFlow, failure: number, rng: RandomStream, trajectory: TapTrajectory): TapOutcome {
  let totalMs = 0;
  for (const step of flow.steps) totalMs += Math.max(0, sample(rng, step.cardProcessingMs));
  totalMs += Math.max(0, sample(rng, flow.afterLastFrameMs));
  const failed = rng.next01() < failure;
  const presentedNs = presentationNs(trajectory);
  const resultNs = presentedNs + ms(totalMs);
  // A failed scan is indicated; the passenger re-presents after reacting (motion/closed-loop.ts).
  const durationNs = attemptEndNs(failed ? 'failure' : 'success', resultNs, trajectory.reactionNs, 0);
  const timed = singleComponentTimeline(presentedNs, 'readerNs', resultNs);
  return { cause: failed ? 'frame-errors' : 'ok', band: 'optical', ...timed, durationNs, frames: 0, retransmissions: 0, collisions: 0, heightM: trajectory.dwellHeightM, offsetM: 0 };
}

export const OPTICAL_BAND: BandModel<OpticalPrepared, null> = {
  id: 'optical',
  label: 'optical',
  short: 'qr',
  servedBy: 'carrier',
  reference: false,
  readsEveryCarrier: false,
  section: null,
  hearsBystanders: false,
  prepare: (_reader, carrier) => ({ flow: qrOpticalFlow(), failure: carrier['qrScanFailure'] as number }),
  tap: (p, trajectory, _around, rng) => opticalTap(p.flow, p.failure, rng, trajectory),
};
