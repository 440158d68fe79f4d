/**
 * The 2.45 GHz RCC / RF-SIM band model (docs/sources.md#f6-2–#f6-5, #f7): one tap at one reader, evaluated in
 * a tight loop inside one event (no idle-poll events, docs/architecture.md#model).
 *
 * Mechanism. The reader emits an LF beacon carrying its id every `beaconPeriodNs`, the first one
 * at a random phase after the tap gesture starts. A phone that senses the LF field at or above T2
 * for the whole beacon has heard the id; if the field is at or above T1 when the beacon ends it may
 * start (docs/sources.md#f6-2, S48). The carrier's APDU flow then runs frame by frame over 2.45 GHz (link/flow-run.ts): each frame's error
 * probability comes from path loss + body loss + shadowing + co-channel and background interference
 * (channel.ts). During the exchange the phone aborts ('tear') if its LF field drops below T3.
 * With `lfControl: false` the start condition is the 2.45 GHz RSSI alone, so phones 0.3–1 m away
 * can be bound (docs/sources.md#f6-3 "read from a longer distance", #f6-4 RSSI spread).
 *
 * Several phones qualified at one beacon is a multi-target collision (docs/sources.md#f6-1, #f6-5):
 * 'refuse-retry' runs a collision-detect exchange and retries at the next beacon, giving up with
 * 'collision' after `collisionRetries` retries; 'pick-random' binds one at random. A completed
 * transaction with any phone other than the tapper is 'wrong-gate'.
 */
import type { RandomStream } from '../random/stream.js';
import { uniform } from '../random/distributions.js';
import type { TapCause, TapOutcome } from './tap-outcome.js';
import { gestureDurationNs, presentationNs } from '../motion/tap-gesture.js';
import { attemptEndNs } from '../motion/closed-loop.js';
import { TapTimeline } from '../link/tap-timeline.js';
import type { FlowObserver } from '../link/flow-run.js';
import type { TimeNs } from '../units.js';
import { drawHandsetLfAttenuationDb, lfThresholds, type LfThresholds } from '../physics/lf-field.js';
import { drawBodyLossDb, drawShadowingDb } from '../physics/path-loss.js';
import { noiseFloorDbm, type Interferer } from './channel.js';
import { DEFAULT_RCC_CONTEXT, type RccCandidate, type RccContext, type RccParams } from './rcc-params.js';
import { candidatePosition, neighbourInterferers, rccFrameNs, rccRssiDbm, runTransaction, sensedLfAPerM, type CandidateDraws } from './rcc-link.js';

/** The result of one RCC tap: a TapOutcome plus which phone the reader bound (null if none completed). */
export interface RccTapOutcome extends TapOutcome {
  boundCandidateId: string | null;
}

/** What one tap fixes before its first beacon: thresholds, noise, interferers and the candidates' draws. */
interface RccTapSetup {
  params: RccParams;
  candidates: readonly RccCandidate[];
  draws: readonly CandidateDraws[];
  thresholds: LfThresholds;
  noiseDbm: number;
  interferers: readonly Interferer[];
  tapperIndex: number;
  /** The tapper's gesture end (or 20 beacon periods for a static tapper), ns. */
  endNs: TimeNs;
  dwell: { heightM: number; offsetM: number };
  collisionDetectNs: TimeNs;
  /** The tapper's timeline from its presentation (link/tap-timeline.ts). */
  timeline: TapTimeline;
  observe: FlowObserver | undefined;
}

function setUpTap(params: RccParams, candidates: readonly RccCandidate[], rng: RandomStream, context: RccContext, observe?: FlowObserver): RccTapSetup {
  const tappers = candidates.filter((c) => c.tapper);
  const tapper = tappers[0];
  if (tapper === undefined || tappers.length > 1) throw new Error(`simulateRccTap needs exactly one tapper (got ${tappers.length})`);
  const thresholds = lfThresholds(params.lf);
  const noiseDbm = noiseFloorDbm(params.rf.sensitivityDbm, params.rf.berAtSensitivity);
  const interferers = neighbourInterferers(params, context, rccFrameNs(params.rf, params.rf.neighbourPayloadBytes));
  const draws: CandidateDraws[] = candidates.map((c) => ({
    lfAttenuationDb: drawHandsetLfAttenuationDb(rng, params.lf.handsetSpreadSigmaDb),
    bodyLossDb: drawBodyLossDb(rng, params.bodyLoss[c.placement]),
    shadowingDb: drawShadowingDb(rng, params.pathLoss.shadowingSigmaDb),
  }));
  const endNs = tapper.motion.kind === 'gesture' ? tapper.motion.startNs + gestureDurationNs(tapper.motion.trajectory) : params.beaconPeriodNs * 20;
  const dwell = tapper.motion.kind === 'gesture' ? { heightM: tapper.motion.trajectory.dwellHeightM, offsetM: tapper.motion.trajectory.lateralOffsetM } : { heightM: tapper.motion.position.heightM, offsetM: tapper.motion.position.lateralOffsetM };
  const collisionDetectNs = 2 * (rccFrameNs(params.rf, params.rf.collisionDetectBytes) + params.rf.turnaroundNs);
  // A static tapper is presented from the start; a gesture at its presentation instant (motion/tap-gesture.ts).
  const presentedNs = tapper.motion.kind === 'gesture' ? tapper.motion.startNs + presentationNs(tapper.motion.trajectory) : 0;
  return { params, candidates, draws, thresholds, noiseDbm, interferers, tapperIndex: candidates.indexOf(tapper), endNs, dwell, collisionDetectNs, timeline: new TapTimeline(presentedNs), observe };
}

/** Candidate `i` may start at the beacon: LF heard for the whole beacon and ≥ T1 at its end (docs/sources.md#f6-2 T2 then T1), or the RSSI threshold without LF control. */
function qualifies(t: RccTapSetup, i: number, beaconStartNs: TimeNs, decisionNs: TimeNs): boolean {
  const params = t.params;
  const c = t.candidates[i] as RccCandidate;
  const d = t.draws[i] as CandidateDraws;
  const at = candidatePosition(c, decisionNs);
  if (!params.lfControl) return rccRssiDbm(params, at, d.bodyLossDb, d.shadowingDb) >= params.rssiStartThresholdDbm;
  const heardAll = sensedLfAPerM(params, candidatePosition(c, beaconStartNs), d.lfAttenuationDb) >= t.thresholds.hearFieldAPerM;
  return heardAll && sensedLfAPerM(params, at, d.lfAttenuationDb) >= t.thresholds.startFieldAPerM; // docs/sources.md#f6-2 T2 then T1
}

/** The tap's running tally over beacons. */
interface RccTally {
  frames: number;
  retransmissions: number;
  collisions: number;
  refusals: number;
  firstAnswerNs: TimeNs | null;
  lastFrameEndNs: TimeNs;
  lastFailure: TapCause | null;
  busyUntilNs: TimeNs;
}

/** The outcome: the attempt ends at the last frame (ok, wrong-gate) or, failed, when the tapper's gesture ends; latency from the tapper's presentation. */
function finish(t: RccTapSetup, s: RccTally, cause: TapCause, bound: RccCandidate | null): RccTapOutcome {
  // RCC indicates success only (a failure retries at the next beacon until the gesture ends), so no reaction enters (motion/closed-loop.ts).
  const durationNs = attemptEndNs(cause === 'ok' || cause === 'wrong-gate' ? 'success' : 'none', s.lastFrameEndNs, 0, t.endNs);
  const timed = t.timeline.close(durationNs);
  return {
    cause,
    band: '2.45GHz',
    latencyNs: timed.latencyNs,
    components: timed.components,
    presentationNs: timed.presentationNs,
    durationNs,
    frames: s.frames,
    retransmissions: s.retransmissions,
    collisions: s.collisions,
    heightM: t.dwell.heightM,
    offsetM: t.dwell.offsetM,
    boundCandidateId: bound === null ? null : bound.id,
  };
}

/**
 * One beacon: who qualifies, the multi-target rule (docs/sources.md#f6-1 / #f6-5) and the transaction with
 * the bound phone. Returns the outcome when the tap ends at this beacon, else null.
 */
function beacon(t: RccTapSetup, s: RccTally, beaconStartNs: TimeNs, rng: RandomStream): RccTapOutcome | null {
  const params = t.params;
  const decisionNs = beaconStartNs + params.beaconDurationNs;
  const qualified: number[] = [];
  for (let i = 0; i < t.candidates.length; i++) if (qualifies(t, i, beaconStartNs, decisionNs)) qualified.push(i);
  if (s.firstAnswerNs === null && qualified.includes(t.tapperIndex)) s.firstAnswerNs = decisionNs;
  if (qualified.length === 0) return null; // a beacon that engaged nobody: still waiting
  t.timeline.phase('activationNs', beaconStartNs); // wake-up and binding: the beacon the carrier qualified at
  let boundIndex = qualified[0] as number;
  if (qualified.length > 1) {
    s.collisions++; // multi-target collision, docs/sources.md#f6-1 / #f6-5
    if (params.multiTargetPolicy === 'refuse-retry') {
      s.frames += 2;
      s.lastFrameEndNs = decisionNs + t.collisionDetectNs;
      s.busyUntilNs = s.lastFrameEndNs;
      s.lastFailure = 'collision';
      t.timeline.phase('anticollisionNs', decisionNs);
      t.timeline.phase('waitNs', s.lastFrameEndNs);
      if (++s.refusals > params.collisionRetries) return finish(t, s, 'collision', null);
      return null;
    }
    boundIndex = qualified[Math.floor(rng.next01() * qualified.length)] as number;
  }
  const bound = t.candidates[boundIndex] as RccCandidate;
  const r = runTransaction(params, bound, t.draws[boundIndex] as CandidateDraws, t.thresholds, t.interferers, t.noiseDbm, decisionNs, rng, t.timeline, t.observe);
  s.frames += r.frames;
  s.retransmissions += r.retransmissions;
  s.lastFrameEndNs = r.endNs;
  s.busyUntilNs = r.endNs;
  if (r.ok) return finish(t, s, bound.tapper ? 'ok' : 'wrong-gate', bound);
  s.lastFailure = r.cause;
  t.timeline.phase('waitNs', r.endNs);
  return null;
}

/**
 * Simulate one tap at an RCC reader (docs/sources.md#f6-2–#f6-5).
 *
 * @param params band parameters ([E] defaults in DEFAULT_RCC_PARAMS)
 * @param candidates the tapper (exactly one, normally with a 'gesture' motion) and other phones near the reader
 * @param rng the tap's random stream (draw order is fixed, so equal streams give equal outcomes)
 * @param context co-channel neighbours and background occupancy
 * @param observe sees every command of the carrier's flow (link/flow-run.ts)
 * @returns the outcome; cause 'wrong-gate' when a phone other than the tapper completed the transaction.
 *   latencyNs runs from the tapper's presentation (motion/tap-gesture.ts) to the last frame and the
 *   reader's closing work, or, failed, to the end of the gesture (link/tap-timeline.ts). A tapper
 *   with a static position is presented at 0 and tried for 20 beacon periods.
 */
export function simulateRccTap(
  params: RccParams,
  candidates: readonly RccCandidate[],
  rng: RandomStream,
  context: RccContext = DEFAULT_RCC_CONTEXT,
  observe?: FlowObserver,
): RccTapOutcome {
  const t = setUpTap(params, candidates, rng, context, observe);
  const s: RccTally = { frames: 0, retransmissions: 0, collisions: 0, refusals: 0, firstAnswerNs: null, lastFrameEndNs: 0, lastFailure: null, busyUntilNs: 0 };
  // The first beacon after the gesture starts is at a uniform phase (no idle-poll events, docs/architecture.md#model).
  for (let beaconStartNs = Math.round(uniform(rng, 0, params.beaconPeriodNs)); beaconStartNs + params.beaconDurationNs <= t.endNs; beaconStartNs += params.beaconPeriodNs) {
    if (beaconStartNs < s.busyUntilNs) continue;
    const done = beacon(t, s, beaconStartNs, rng);
    if (done !== null) return done;
  }
  return finish(t, s, s.lastFailure ?? (s.firstAnswerNs === null ? 'out-of-range' : 'timeout'), null);
}
