/**
 * The 2.45 GHz RCC / RF-SIM band model (FACTS §6.2–§6.5, §7): one tap at one reader, evaluated in
 * a tight loop inside one event (no idle-poll events, DESIGN §5).
 *
 * Mechanism. The reader emits an LF beacon carrying its id every `beaconPeriodNs`, the first one
 * at a random phase after the tap gesture starts. A phone that senses the LF field at or above T2
 * for the whole beacon has heard the id; if the field is at or above T1 when the beacon ends it may
 * start (FACTS §6.2, S48). The exchange then runs frame by frame over 2.45 GHz: each frame's error
 * probability comes from path loss + body loss + shadowing + co-channel and background interference
 * (channel.ts). During the exchange the phone aborts ('tear') if its LF field drops below T3.
 * With `lfControl: false` the start condition is the 2.45 GHz RSSI alone, so phones 0.3–1 m away
 * can be bound (FACTS §6.3 "read from a longer distance", §6.4 RSSI spread).
 *
 * Several phones qualified at one beacon is a multi-target collision (FACTS §6.1, §6.5):
 * 'refuse-retry' runs a collision-detect exchange and retries at the next beacon, giving up with
 * 'collision' after `collisionRetries` retries; 'pick-random' binds one at random. A completed
 * transaction with any phone other than the tapper is 'wrong-gate'.
 */
import type { RandomStream } from '../random/stream.js';
import { uniform } from '../random/distributions.js';
import type { Band, TapCause, TapOutcome } from './tap-outcome.js';
import { positionAt, gestureDurationNs, type CarrierPosition, type TapTrajectory } from '../motion/tap-gesture.js';
import { ms, us, NS_PER_S, type TimeNs } from '../units.js';
import {
  DEFAULT_LF_FIELD,
  drawHandsetLfAttenuationDb,
  lfFieldAPerM,
  lfSensedFieldAPerM,
  lfThresholds,
  type LfFieldParams,
  type LfThresholds,
} from '../physics/lf-field.js';
import {
  DEFAULT_BODY_LOSS,
  drawBodyLossDb,
  drawShadowingDb,
  logDistanceFor,
  logDistancePathLossDb,
  RCC_RF_FREQUENCY_HZ,
  type BodyLossParams,
  type CarryPlacement,
  type LogDistanceParams,
} from '../physics/path-loss.js';
import {
  drawAccessDelayNs,
  drawInterferenceDbm,
  noiseFloorDbm,
  packetErrorRate,
  sinrLinear,
  type Interferer,
  type MacParams,
} from './channel.js';

/** The 2.45 GHz link and exchange. */
export interface RccRfParams {
  /** Carrier frequency, Hz. [S] FACTS §6.3 (2.4–2.4835 GHz ISM; 2.45 GHz centre). */
  frequencyHz: number;
  /** Bit rate, bit/s. [E] FACTS §6.3: GFSK 1 Mbit/s. */
  dataRateBps: number;
  /** Tx power of reader and phone, dBm. [E] FACTS §6.3: 0 dBm. */
  txPowerDbm: number;
  /** Rx sensitivity, dBm. [E] FACTS §6.3: −85 dBm. */
  sensitivityDbm: number;
  /** BER the sensitivity figure refers to. [E] tapsim choice (no FACTS value): 1e-3. */
  berAtSensitivity: number;
  /** Per-frame preamble + address + CRC, bytes. [E] no FACTS value: 8. */
  frameOverheadBytes: number;
  /** Command (reader → phone) payload, bytes. [E] no FACTS value: 32. */
  commandBytes: number;
  /** Response (phone → reader) payload, bytes. [E] no FACTS value: 96. */
  responseBytes: number;
  /** Rx/tx turnaround after each frame, ns. [E] no FACTS value: 130 µs. */
  turnaroundNs: TimeNs;
  /** APDU count range, drawn uniformly per transaction. [E] FACTS §10.1: 4–8 APDUs. */
  apduCountMin: number;
  apduCountMax: number;
  /** Card (SIM) processing per APDU, ns. [E] no FACTS value for RF-SIM: 20 ms (link/apdu-flows should supply it). */
  cardProcessingPerApduNs: TimeNs;
  /** Resends of one frame before the exchange fails with 'frame-errors'. [E] no FACTS value: 3. */
  maxRetransmissions: number;
  /** Payload of the collision-detect exchange (FACTS §6.1 "冲突检测码"), bytes each way. [E]: 8. */
  collisionDetectBytes: number;
}

export type MultiTargetPolicy = 'refuse-retry' | 'pick-random';

export interface RccParams {
  /** LF coil and thresholds T1/T3/T2 (lf-field.ts). */
  lf: LfFieldParams;
  /** true: start needs LF ≥ T1, abort below T3 (FACTS §6.2). false: RF RSSI threshold only. */
  lfControl: boolean;
  /** LF beacon period, ns. [E] no FACTS value: 100 ms. */
  beaconPeriodNs: TimeNs;
  /** LF beacon length (reader id bits / LF bit rate), ns. [E] no FACTS value: 32 bits at 1 kbit/s = 32 ms. */
  beaconDurationNs: TimeNs;
  /** Start threshold on RSSI when lfControl is false, dBm. [E] no FACTS value: −30 dBm (a hand-held phone triggers at ≈ 15 cm). */
  rssiStartThresholdDbm: number;
  rf: RccRfParams;
  /** Log-distance path loss + shadowing. [E] environment choice 'retail-store' of FACTS §7.3 (n 2.2, σ 8.7 dB [S]). */
  pathLoss: LogDistanceParams;
  /** Body loss per carry placement. [E] FACTS §7.5. */
  bodyLoss: Readonly<Record<CarryPlacement, BodyLossParams>>;
  /** Shortest phone–reader distance for path loss, m (inside it the phone touches the reader). [E]: 1 cm. */
  minRfDistanceM: number;
  /** [E] FACTS §6.5 / §11 #3e: refuse/retry when > 1 LF-qualified target. */
  multiTargetPolicy: MultiTargetPolicy;
  /** Retries after a multi-target refusal before 'collision'. [E] no FACTS value: 3. */
  collisionRetries: number;
  /** Channel access of reader and phone. [E] FACTS §6.5 / §11 #3e "CSMA or ALOHA": CSMA. */
  mac: MacParams;
}

export const DEFAULT_RCC_RF: RccRfParams = {
  frequencyHz: RCC_RF_FREQUENCY_HZ, // [S] FACTS §6.3
  dataRateBps: 1e6, // [E] FACTS §6.3
  txPowerDbm: 0, // [E] FACTS §6.3
  sensitivityDbm: -85, // [E] FACTS §6.3
  berAtSensitivity: 1e-3, // [E] tapsim choice
  frameOverheadBytes: 8, // [E]
  commandBytes: 32, // [E]
  responseBytes: 96, // [E]
  turnaroundNs: us(130), // [E]
  apduCountMin: 4, // [E] FACTS §10.1
  apduCountMax: 8, // [E] FACTS §10.1
  cardProcessingPerApduNs: ms(20), // [E]
  maxRetransmissions: 3, // [E]
  collisionDetectBytes: 8, // [E] FACTS §6.1 (code exists, size unknown)
};

export const DEFAULT_RCC_PARAMS: RccParams = {
  lf: DEFAULT_LF_FIELD, // [E] FACTS §6.3, §6.4
  lfControl: true, // FACTS §6.2
  beaconPeriodNs: ms(100), // [E]
  beaconDurationNs: ms(32), // [E]
  rssiStartThresholdDbm: -30, // [E]
  rf: DEFAULT_RCC_RF,
  pathLoss: logDistanceFor('retail-store'), // [E] choice; (n, σ) [S] FACTS §7.3
  bodyLoss: DEFAULT_BODY_LOSS, // [E] FACTS §7.5
  minRfDistanceM: 0.01, // [E]
  multiTargetPolicy: 'refuse-retry', // [E] FACTS §6.5
  collisionRetries: 3, // [E] FACTS §6.5 (count unknown)
  mac: { kind: 'csma', senseNs: us(128), backoffSlotNs: us(320), maxBackoffs: 4 }, // [E] FACTS §6.5 risk 2
};

/** A phone near the reader. Exactly one candidate of a tap is the tapper. */
export interface RccCandidate {
  id: string;
  /** The phone whose owner is tapping this reader. */
  tapper: boolean;
  placement: CarryPlacement;
  /** A gesture (times relative to the tapper's gesture start) or a fixed position relative to the reader. */
  motion: { kind: 'gesture'; trajectory: TapTrajectory; startNs: TimeNs } | { kind: 'static'; position: CarrierPosition };
}

/** The shared channel around this reader during the tap. */
export interface RccContext {
  /** Active co-channel RCC readers nearby (neighbouring gates). */
  activeCoChannelNeighbours: number;
  /** Their duty cycle on the channel, 0–1. [E] no FACTS value. */
  neighbourDutyCycle: number;
  /** Gate pitch, m; the k-th neighbour is ⌈k/2⌉ pitches away (alternating sides). [E] FACTS §6.5: ≈ 0.6 m. */
  gatePitchM: number;
  /** Background Wi-Fi / BLE occupancy as seen in the RCC channel (FACTS §7.1). */
  background: readonly Interferer[];
}

export const DEFAULT_RCC_CONTEXT: RccContext = {
  activeCoChannelNeighbours: 2, // [E]
  neighbourDutyCycle: 0.1, // [E]
  gatePitchM: 0.6, // [E] FACTS §6.5
  background: [
    { rxPowerDbm: -45, dutyCycle: 0.1, packetNs: ms(1) }, // Wi-Fi: 15–20 dBm, 0.1–5 ms frames [S] FACTS §7.1; ≈ 10 m away and duty [E]
    { rxPowerDbm: -50, dutyCycle: 0.02, packetNs: us(376) }, // BLE advertising: power, duty, burst [E] FACTS §7.1
  ],
};

/** The result of one RCC tap: a TapOutcome plus which phone the reader bound (null if none completed). */
export interface RccTapOutcome extends TapOutcome {
  boundCandidateId: string | null;
}

/** Per-tap draws of one candidate (slow fading: fixed for the tap). */
interface CandidateDraws {
  lfAttenuationDb: number;
  bodyLossDb: number;
  shadowingDb: number;
}

function candidatePosition(c: RccCandidate, tNs: TimeNs): CarrierPosition {
  return c.motion.kind === 'static' ? c.motion.position : positionAt(c.motion.trajectory, Math.max(0, tNs - c.motion.startNs));
}

/** Frame airtime, ns: (payload + overhead)·8 / bit rate. */
export function rccFrameNs(rf: RccRfParams, payloadBytes: number): TimeNs {
  return Math.round((((payloadBytes + rf.frameOverheadBytes) * 8) / rf.dataRateBps) * NS_PER_S);
}

/**
 * Mean received power, dBm, over the 2.45 GHz link: Pt − PL(d) − body loss − Xσ
 * (FACTS §7.3 log-distance, §7.5 body loss). d = max(√(h² + ρ²), minRfDistanceM).
 */
export function rccRssiDbm(p: RccParams, position: CarrierPosition, bodyLossDb: number, shadowingDb: number): number {
  const distanceM = Math.max(p.minRfDistanceM, Math.hypot(position.heightM, position.lateralOffsetM));
  return p.rf.txPowerDbm - logDistancePathLossDb(distanceM, p.pathLoss) - bodyLossDb - shadowingDb;
}

/** LF field the candidate's sensor sees at a position, A/m (FACTS §3.1 / §6.4 via lf-field.ts). */
function sensedLfAPerM(p: RccParams, position: CarrierPosition, attenuationDb: number): number {
  return lfSensedFieldAPerM(lfFieldAPerM(p.lf.turnsCurrentA, p.lf.coilRadiusM, position.heightM, position.lateralOffsetM), attenuationDb);
}

/** Co-channel neighbour readers as interferers (mean path loss at ⌈k/2⌉·pitch, no body loss). */
export function neighbourInterferers(p: RccParams, context: RccContext, packetNs: TimeNs): Interferer[] {
  const list: Interferer[] = [...context.background];
  for (let k = 1; k <= context.activeCoChannelNeighbours; k++) {
    const distanceM = Math.ceil(k / 2) * context.gatePitchM;
    list.push({ rxPowerDbm: p.rf.txPowerDbm - logDistancePathLossDb(distanceM, p.pathLoss), dutyCycle: context.neighbourDutyCycle, packetNs });
  }
  return list;
}

interface ExchangeResult {
  ok: boolean;
  cause: TapCause;
  endNs: TimeNs;
  frames: number;
  retransmissions: number;
}

/**
 * The APDU exchange with the bound phone, frame by frame from `startNs`: per frame the access delay
 * (channel.ts), the T3 abort check (FACTS §6.2), airtime and an error draw from the SINR (FACTS §7).
 */
function runTransaction(
  p: RccParams,
  c: RccCandidate,
  draws: CandidateDraws,
  thresholds: LfThresholds,
  interferers: readonly Interferer[],
  noiseDbm: number,
  startNs: TimeNs,
  rng: RandomStream,
): ExchangeResult {
  const rf = p.rf;
  const apduCount = rf.apduCountMin + Math.floor(rng.next01() * (rf.apduCountMax - rf.apduCountMin + 1));
  let tNs = startNs;
  let frames = 0;
  let retransmissions = 0;
  for (let apdu = 0; apdu < apduCount; apdu++) {
    for (const payloadBytes of [rf.commandBytes, rf.responseBytes]) {
      const packetNs = rccFrameNs(rf, payloadBytes);
      const bits = (payloadBytes + rf.frameOverheadBytes) * 8;
      for (let attempt = 0; ; attempt++) {
        tNs += drawAccessDelayNs(rng, interferers, p.mac);
        const position = candidatePosition(c, tNs);
        if (p.lfControl && sensedLfAPerM(p, position, draws.lfAttenuationDb) < thresholds.abortFieldAPerM) {
          return { ok: false, cause: 'tear', endNs: tNs, frames, retransmissions }; // FACTS §6.2 T3
        }
        const signalDbm = rccRssiDbm(p, position, draws.bodyLossDb, draws.shadowingDb);
        const interferenceDbm = drawInterferenceDbm(rng, packetNs, interferers, p.mac);
        const per = packetErrorRate(sinrLinear(signalDbm, noiseDbm, interferenceDbm), bits);
        frames++;
        tNs += packetNs + rf.turnaroundNs;
        if (rng.next01() >= per) break;
        retransmissions++;
        if (attempt >= rf.maxRetransmissions) return { ok: false, cause: 'frame-errors', endNs: tNs, frames, retransmissions };
      }
      if (payloadBytes === rf.commandBytes) tNs += rf.cardProcessingPerApduNs;
    }
  }
  return { ok: true, cause: 'ok', endNs: tNs, frames, retransmissions };
}

/**
 * Simulate one tap at an RCC reader (FACTS §6.2–§6.5).
 *
 * @param params band parameters ([E] defaults in DEFAULT_RCC_PARAMS)
 * @param candidates the tapper (exactly one, normally with a 'gesture' motion) and other phones near the reader
 * @param rng the tap's random stream (draw order is fixed, so equal streams give equal outcomes)
 * @param context co-channel neighbours and background occupancy
 * @returns the outcome; cause 'wrong-gate' when a phone other than the tapper completed the transaction.
 *   latencyNs runs from the first beacon the tapper could answer (or gesture start) to the last frame;
 *   with no frame at all it is the time the tap was tried (gesture length). A tapper with a static
 *   position is tried for 20 beacon periods.
 */
export function simulateRccTap(
  params: RccParams,
  candidates: readonly RccCandidate[],
  rng: RandomStream,
  context: RccContext = DEFAULT_RCC_CONTEXT,
): RccTapOutcome {
  const tappers = candidates.filter((c) => c.tapper);
  const tapper = tappers[0];
  if (tapper === undefined || tappers.length > 1) throw new Error(`simulateRccTap needs exactly one tapper (got ${tappers.length})`);
  const thresholds = lfThresholds(params.lf);
  const noiseDbm = noiseFloorDbm(params.rf.sensitivityDbm, params.rf.berAtSensitivity);
  const interferers = neighbourInterferers(params, context, rccFrameNs(params.rf, params.rf.responseBytes));
  const draws: CandidateDraws[] = candidates.map((c) => ({
    lfAttenuationDb: drawHandsetLfAttenuationDb(rng, params.lf.handsetSpreadSigmaDb),
    bodyLossDb: drawBodyLossDb(rng, params.bodyLoss[c.placement]),
    shadowingDb: drawShadowingDb(rng, params.pathLoss.shadowingSigmaDb),
  }));
  const endNs = tapper.motion.kind === 'gesture' ? tapper.motion.startNs + gestureDurationNs(tapper.motion.trajectory) : params.beaconPeriodNs * 20;
  const dwell = tapper.motion.kind === 'gesture' ? { heightM: tapper.motion.trajectory.dwellHeightM, offsetM: tapper.motion.trajectory.lateralOffsetM } : { heightM: tapper.motion.position.heightM, offsetM: tapper.motion.position.lateralOffsetM };
  const collisionDetectNs = 2 * (rccFrameNs(params.rf, params.rf.collisionDetectBytes) + params.rf.turnaroundNs);

  const qualifies = (i: number, beaconStartNs: TimeNs, decisionNs: TimeNs): boolean => {
    const c = candidates[i] as RccCandidate;
    const d = draws[i] as CandidateDraws;
    const at = candidatePosition(c, decisionNs);
    if (!params.lfControl) return rccRssiDbm(params, at, d.bodyLossDb, d.shadowingDb) >= params.rssiStartThresholdDbm;
    const heardAll = sensedLfAPerM(params, candidatePosition(c, beaconStartNs), d.lfAttenuationDb) >= thresholds.hearFieldAPerM;
    return heardAll && sensedLfAPerM(params, at, d.lfAttenuationDb) >= thresholds.startFieldAPerM; // FACTS §6.2 T2 then T1
  };

  let frames = 0;
  let retransmissions = 0;
  let collisions = 0;
  let refusals = 0;
  let firstAnswerNs: TimeNs | null = null;
  let lastFrameEndNs: TimeNs = 0;
  let lastFailure: TapCause | null = null;
  let busyUntilNs: TimeNs = 0;
  const tapperIndex = candidates.indexOf(tapper);
  const finish = (cause: TapCause, bound: RccCandidate | null): RccTapOutcome => ({
    cause,
    band: '2.45GHz',
    latencyNs: frames === 0 ? endNs : Math.max(0, lastFrameEndNs - (firstAnswerNs ?? 0)),
    durationNs: cause === 'ok' || cause === 'wrong-gate' ? lastFrameEndNs : Math.max(endNs, lastFrameEndNs),
    frames,
    retransmissions,
    collisions,
    heightM: dwell.heightM,
    offsetM: dwell.offsetM,
    boundCandidateId: bound === null ? null : bound.id,
  });

  // The first beacon after the gesture starts is at a uniform phase (no idle-poll events, DESIGN §5).
  for (let beaconStartNs = Math.round(uniform(rng, 0, params.beaconPeriodNs)); beaconStartNs + params.beaconDurationNs <= endNs; beaconStartNs += params.beaconPeriodNs) {
    if (beaconStartNs < busyUntilNs) continue;
    const decisionNs = beaconStartNs + params.beaconDurationNs;
    const qualified: number[] = [];
    for (let i = 0; i < candidates.length; i++) if (qualifies(i, beaconStartNs, decisionNs)) qualified.push(i);
    if (firstAnswerNs === null && qualified.includes(tapperIndex)) firstAnswerNs = decisionNs;
    if (qualified.length === 0) continue;
    let boundIndex = qualified[0] as number;
    if (qualified.length > 1) {
      collisions++; // multi-target collision, FACTS §6.1 / §6.5
      if (params.multiTargetPolicy === 'refuse-retry') {
        frames += 2;
        lastFrameEndNs = decisionNs + collisionDetectNs;
        busyUntilNs = lastFrameEndNs;
        lastFailure = 'collision';
        if (++refusals > params.collisionRetries) return finish('collision', null);
        continue;
      }
      boundIndex = qualified[Math.floor(rng.next01() * qualified.length)] as number;
    }
    const bound = candidates[boundIndex] as RccCandidate;
    const r = runTransaction(params, bound, draws[boundIndex] as CandidateDraws, thresholds, interferers, noiseDbm, decisionNs, rng);
    frames += r.frames;
    retransmissions += r.retransmissions;
    lastFrameEndNs = r.endNs;
    busyUntilNs = r.endNs;
    if (r.ok) return finish(bound.tapper ? 'ok' : 'wrong-gate', bound);
    lastFailure = r.cause;
  }
  return finish(lastFailure ?? (firstAnswerNs === null ? 'out-of-range' : 'timeout'), null);
}

export type BandChoicePolicy = 'prefer-13.56MHz' | 'prefer-2.45GHz';

/**
 * Band for a dual-band SIM phone at a dual reader (GB/T 33742 dual 13.56 MHz + 2.45 GHz reader,
 * FACTS §6.1: it handles same- and different-frequency conflicts; the rule is unknown, so the
 * preference is a scenario parameter [E]). Returns the preferred band both sides support, else any
 * common band in the reader's order, else null.
 */
export function chooseBand(readerBands: readonly Band[], carrierBands: readonly Band[], policy: BandChoicePolicy): Band | null {
  const preferred: Band = policy === 'prefer-13.56MHz' ? '13.56MHz' : '2.45GHz';
  if (readerBands.includes(preferred) && carrierBands.includes(preferred)) return preferred;
  return readerBands.find((b) => carrierBands.includes(b)) ?? null;
}
