/**
 * The 2.45 GHz link of one RCC tap: per-candidate slow-fading draws, received power and LF field
 * at a candidate's position, the co-channel interferers, and the carrier's APDU flow frame by
 * frame with the bound phone (docs/sources.md#f6-2, #f7; link/flow-run.ts).
 */
import type { RandomStream } from '../random/stream.js';
import type { TapCause } from './tap-outcome.js';
import { positionAt, type CarrierPosition } from '../motion/tap-gesture.js';
import { s, type TimeNs } from '../units.js';
import { lfSensedFieldAPerM, type LfThresholds } from '../physics/lf-field.js';
import { lfWakeFieldAPerM } from '../physics/lf-field-exact.js';
import { logDistancePathLossDb } from '../physics/path-loss.js';
import { nearZonePathLossDb, nearZoneShadowingSigmaDb } from '../physics/rf-near-zone.js';
import { drawAccessDelayNs, drawInterferenceDbm, packetErrorRate, sinrLinear, type Interferer } from './channel.js';
import type { LinkSession, StepResult } from '../link/iso-dep.js';
import { runFlow, type FlowExchange, type FlowObserver } from '../link/flow-run.js';
import type { TapTimeline } from '../link/tap-timeline.js';
import type { RccCandidate, RccContext, RccParams, RccRfParams } from './rcc-params.js';

/** Per-tap draws of one candidate (slow fading: fixed for the tap). */
export interface CandidateDraws {
  lfAttenuationDb: number;
  bodyLossDb: number;
  shadowingDb: number;
}

export function candidatePosition(c: RccCandidate, tNs: TimeNs): CarrierPosition {
  return c.motion.kind === 'static' ? c.motion.position : positionAt(c.motion.trajectory, Math.max(0, tNs - c.motion.startNs));
}

/** Frame airtime, ns: (payload + overhead)·8 / bit rate. */
export function rccFrameNs(rf: RccRfParams, payloadBytes: number): TimeNs {
  return s(((payloadBytes + rf.frameOverheadBytes) * 8) / rf.dataRateBps);
}

/**
 * Mean received power, dBm, over the 2.45 GHz link: Pt − PL(d) − body loss − Xσ(d)
 * (docs/sources.md#f7-3 log-distance, #f7-5 body loss, #f7-6 near zone). d = max(√(h² + ρ²), minRfDistanceM).
 * Within the near-zone radius PL is bounded (rf-near-zone.ts) and there is no shadowing; beyond it σ
 * ramps up to the environment's. `shadowingDb` is the tap's draw at the environment's σ (rcc.ts), so
 * it is rescaled here by σ(d)/σ — the same draw, no far-field shadowing near the reader.
 */
export function rccRssiDbm(p: RccParams, position: CarrierPosition, bodyLossDb: number, shadowingDb: number): number {
  const distanceM = Math.max(p.minRfDistanceM, Math.hypot(position.heightM, position.lateralOffsetM));
  const sigmaDb = p.pathLoss.shadowingSigmaDb;
  const shadowDb = sigmaDb > 0 ? (shadowingDb * nearZoneShadowingSigmaDb(distanceM, p.pathLoss, p.nearZone)) / sigmaDb : 0;
  return p.rf.txPowerDbm - nearZonePathLossDb(distanceM, p.pathLoss, p.nearZone) - bodyLossDb - shadowDb;
}

/**
 * LF field the candidate's sensor sees at a position, A/m: the exact loop field (docs/sources.md#f3-1 / #f6-4,
 * lf-field-exact.ts) after the handset's attenuation. `attenuationDb` is the drawn N(0, σ) part; the
 * handsets' mean offset `p.lf.handsetOffsetMeanDb` is added here (docs/sources.md#f11-3d), so the draw is unchanged.
 */
export function sensedLfAPerM(p: RccParams, position: CarrierPosition, attenuationDb: number): number {
  return lfSensedFieldAPerM(lfWakeFieldAPerM(p.lf, position.heightM, position.lateralOffsetM), attenuationDb + p.lf.handsetOffsetMeanDb);
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

export interface ExchangeResult {
  ok: boolean;
  cause: TapCause;
  endNs: TimeNs;
  frames: number;
  retransmissions: number;
}

/** The bound phone's link during one transaction (fixed for the transaction). */
interface RccLinkState {
  p: RccParams;
  c: RccCandidate;
  draws: CandidateDraws;
  thresholds: LfThresholds;
  interferers: readonly Interferer[];
  noiseDbm: number;
}

/**
 * One frame of `payloadBytes` with its retransmissions, from `s.tNs`: per attempt the access delay
 * (channel.ts), the T3 abort check (docs/sources.md#f6-2), airtime + turnaround and an error draw from the SINR (docs/sources.md#f7).
 */
function rccFrame(l: RccLinkState, ls: LinkSession, rng: RandomStream, payloadBytes: number): StepResult {
  const { p, c, draws } = l;
  const rf = p.rf;
  const packetNs = rccFrameNs(rf, payloadBytes);
  const bits = (payloadBytes + rf.frameOverheadBytes) * 8;
  for (let attempt = 0; ; attempt++) {
    ls.tNs += drawAccessDelayNs(rng, l.interferers, p.mac);
    const position = candidatePosition(c, ls.tNs);
    if (p.lfControl && sensedLfAPerM(p, position, draws.lfAttenuationDb) < l.thresholds.abortFieldAPerM) return 'tear'; // docs/sources.md#f6-2 T3
    const signalDbm = rccRssiDbm(p, position, draws.bodyLossDb, draws.shadowingDb);
    const interferenceDbm = drawInterferenceDbm(rng, packetNs, l.interferers, p.mac);
    const per = packetErrorRate(sinrLinear(signalDbm, l.noiseDbm, interferenceDbm), bits);
    ls.frames++;
    ls.tNs += packetNs + rf.turnaroundNs;
    if (rng.next01() >= per) return 'ok';
    ls.retransmissions++;
    if (attempt >= rf.maxRetransmissions) return 'frame-errors';
  }
}

/**
 * The carrier's APDU flow with the bound phone from `startNs` (link/flow-run.ts): each command and
 * each response one 2.45 GHz frame (payload + overhead at the RCC bit rate), the SE's time between
 * them. Frames are charged to `airNs`, SE time to `seNs`, the terminal's work to `readerNs` of `timeline`.
 */
export function runTransaction(
  p: RccParams,
  c: RccCandidate,
  draws: CandidateDraws,
  thresholds: LfThresholds,
  interferers: readonly Interferer[],
  noiseDbm: number,
  startNs: TimeNs,
  rng: RandomStream,
  timeline?: TapTimeline,
  observe?: FlowObserver,
): ExchangeResult {
  const l: RccLinkState = { p, c, draws, thresholds, interferers, noiseDbm };
  const ls: LinkSession = { tNs: startNs, frames: 0, retransmissions: 0, collisions: 0, ...(timeline === undefined ? {} : { timeline }) };
  timeline?.phase('airNs', startNs);
  const exchange: FlowExchange = (step, procNs) => {
    const command = rccFrame(l, ls, rng, step.commandBytes);
    if (command !== 'ok') return command;
    timeline?.settle(ls.tNs);
    ls.tNs += procNs;
    timeline?.settleAs('seNs', ls.tNs);
    return rccFrame(l, ls, rng, step.responseBytes);
  };
  const res = runFlow(ls, p.flow, p.secureElement, rng, exchange, Infinity, observe);
  timeline?.settle(ls.tNs);
  return { ok: res === 'ok', cause: res, endNs: ls.tNs, frames: ls.frames, retransmissions: ls.retransmissions };
}
