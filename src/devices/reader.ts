/**
 * One tap attempt of a carrier at a reader. Band models stay pure; this file chooses the band
 * (dual-band readers and SIMs), and describes the bystanders a 2.45 GHz tap can hear. The
 * per-(reader, carrier) parameters are prepared once per replication (`TapPair`).
 */
import { drawTrajectory, type TapGestureParams } from '../motion/tap-gesture.js';
import { sample, type Distribution } from '../random/distributions.js';
import type { RandomStream } from '../random/stream.js';
import { NO_OTHER_CARDS, simulateNfcTap, type NfcTapParams } from '../radio/nfc.js';
import type { Exchange } from '../link/activation.js';
import { chooseBand, simulateRccTap, type RccCandidate, type RccContext, type RccParams } from '../radio/rcc.js';
import type { Band, TapOutcome } from '../radio/tap-outcome.js';
import type { ApduFlow } from '../link/apdu-flows.js';
import type { CarryPlacement } from '../physics/path-loss.js';
import { NS_PER_MS } from '../units.js';

/** A carrier as a bystander sees it. */
export interface Bystander {
  bands: readonly Band[];
  /** Where the phone is while its owner waits (body loss at 2.45 GHz). */
  restingPlacement: CarryPlacement;
}

/** Everything one (reader, carrier) combination needs for a tap. */
export interface TapPair {
  /** Band used, or null when reader and carrier share none (the tap is declined). */
  band: Band | null;
  /** The carrier's own first band (labels a declined tap). */
  carrierBand: Band;
  gesture: TapGestureParams;
  nfc: NfcTapParams | null;
  /** `nfcActivationExchanges(nfc.carrier)`, built once with the pair. */
  nfcActivation: readonly Exchange[];
  rcc: RccParams | null;
  rccContext: RccContext;
  optical: ApduFlow | null;
  /** Probability that one QR scan fails [E]. */
  opticalFailure: number;
}

/** What surrounds one tap: the person behind and the people tapping at neighbouring gates. */
export interface TapSurroundings {
  behind: Bystander | null;
  /** Tappers at neighbouring gates with their lateral distance from this reader, m. */
  neighbours: ReadonlyArray<{ carrier: Bystander; lateralM: number }>;
  pitchM: number;
}

/** Where the person behind holds the phone, relative to the reader [E] (no FACTS value): 5–35 cm up, 30–60 cm back. */
const BEHIND_HEIGHT_M: Distribution = { kind: 'uniform', min: 0.05, max: 0.35 };
const BEHIND_DISTANCE_M: Distribution = { kind: 'uniform', min: 0.3, max: 0.6 };

/** The band a carrier uses at a reader (optical for QR), or null when they share none. */
export function bandFor(readerBands: readonly Band[], carrierBands: readonly Band[], preference: '13.56MHz' | '2.45GHz'): Band | null {
  if (carrierBands.includes('optical')) return 'optical';
  return chooseBand(readerBands, carrierBands, preference === '13.56MHz' ? 'prefer-13.56MHz' : 'prefer-2.45GHz');
}

/** One tap attempt, drawing everything from the passenger's stream. */
export function tapOnce(pair: TapPair, rng: RandomStream, around: TapSurroundings): TapOutcome {
  const trajectory = drawTrajectory(rng, pair.gesture);
  if (pair.band === 'optical' && pair.optical !== null) return opticalTap(pair.optical, pair.opticalFailure, rng, trajectory.dwellHeightM);
  if (pair.band === '13.56MHz' && pair.nfc !== null) return simulateNfcTap(pair.nfc, trajectory, rng, NO_OTHER_CARDS, pair.nfcActivation);
  if (pair.band === '2.45GHz' && pair.rcc !== null) {
    const candidates: RccCandidate[] = [{ id: 'tapper', tapper: true, placement: 'hand', motion: { kind: 'gesture', trajectory, startNs: 0 } }];
    if (around.behind !== null && around.behind.bands.includes('2.45GHz')) {
      candidates.push({
        id: 'behind',
        tapper: false,
        placement: around.behind.restingPlacement,
        motion: { kind: 'static', position: { heightM: sample(rng, BEHIND_HEIGHT_M), lateralOffsetM: sample(rng, BEHIND_DISTANCE_M), tiltRad: 0 } },
      });
    }
    let activeNeighbours = 0;
    around.neighbours.forEach((n, i) => {
      if (!n.carrier.bands.includes('2.45GHz')) return;
      activeNeighbours++;
      candidates.push({ id: `lane-${i}`, tapper: false, placement: 'hand', motion: { kind: 'static', position: { heightM: 0.02, lateralOffsetM: n.lateralM, tiltRad: 0 } } });
    });
    const context: RccContext = { ...pair.rccContext, activeCoChannelNeighbours: activeNeighbours, gatePitchM: around.pitchM };
    return simulateRccTap(pair.rcc, candidates, rng, context);
  }
  // No common band: the reader cannot accept this carrier; the passenger holds it out in vain.
  return {
    cause: 'declined',
    band: pair.carrierBand,
    latencyNs: 0,
    durationNs: trajectory.holdNs,
    frames: 0,
    retransmissions: 0,
    collisions: 0,
    heightM: trajectory.dwellHeightM,
    offsetM: trajectory.lateralOffsetM,
  };
}

/** A QR scan: the flow's processing steps in sequence; a scan fails with probability `failure`. */
function opticalTap(flow: ApduFlow, failure: number, rng: RandomStream, heightM: number): TapOutcome {
  let totalMs = 0;
  for (const step of flow.steps) totalMs += Math.max(0, sample(rng, step.cardProcessingMs));
  totalMs += Math.max(0, sample(rng, flow.afterLastFrameMs));
  const failed = rng.next01() < failure;
  const durationNs = Math.round(totalMs * NS_PER_MS);
  return { cause: failed ? 'frame-errors' : 'ok', band: 'optical', latencyNs: durationNs, durationNs, frames: 0, retransmissions: 0, collisions: 0, heightM, offsetM: 0 };
}
