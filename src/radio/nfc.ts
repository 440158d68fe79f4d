/**
 * The 13.56 MHz band model (DESIGN §5): one tap evaluated frame by frame in a tight loop, no kernel events.
 *
 * The first poll after field entry follows from the polling period and a uniformly random phase (idle
 * polls are never simulated). From there activation (FACTS §2.1/§2.2/§2.4), anticollision when other
 * cards share the field (FACTS §2.3/§2.5) and the APDU flow (FACTS §10) run exchange by exchange; each
 * PICC frame is checked against the link budget (FACTS §1.2, §3) at the carrier's position at that
 * instant (`positionAt`), so a carrier leaving mid-exchange tears the transaction.
 */
import type { RandomStream } from '../random/stream.js';
import { sample, type Distribution } from '../random/distributions.js';
import { approachDurationNs, gestureDurationNs, heightAtM, positionAt, type TapTrajectory } from '../motion/tap-gesture.js';
import { ms, NS_PER_S, type TimeNs } from '../units.js';
import type { TapCause, TapOutcome } from './tap-outcome.js';
import {
  DEFAULT_GATE_READER_ANTENNA,
  DEFAULT_ID1_CARD_ANTENNA,
  DEFAULT_PHONE_ANTENNA,
  frameErrorFromField,
  evaluateNfcLink,
  prepareNfcLink,
  type CarrierAntennaParams,
  type PreparedNfcLink,
  type ReaderAntennaParams,
} from '../physics/nfc-link-budget.js';
import {
  DEFAULT_TYPE_A_ACTIVATION,
  DEFAULT_TYPE_B_ACTIVATION,
  anticollisionExchange,
  reqaExchange,
  selectExchange,
  typeAActivationExchanges,
  typeBActivationExchanges,
  typeBExchange,
  type Exchange,
  type TypeAActivationOptions,
} from '../link/activation.js';
import { circularLoopTiltedFieldAPerM } from '../physics/loop-field.js';
import { resolveTypeA, randomDistinctUids, type CollisionPolicy, type TypeACard } from '../link/anticollision/type-a.js';
import { resolveTypeB } from '../link/anticollision/type-b.js';
import { qpbocFlow, transitEpurseFlow, type ApduFlow } from '../link/apdu-flows.js';
import { DEFAULT_ISO_DEP, isoDepApdu, runExchange, type FrameLink, type IsoDepParams, type LinkSession, type StepResult } from '../link/iso-dep.js';
import { ETU_CYCLES, HLTA_WAIT_NS, POLL_GUARD_TIME_NS, TR0_B_MAX_CYCLES, TR1_B_MIN_CYCLES, typeAFrameBits } from '../link/iso14443.js';

export type NfcCarrierKind = 'nfc-phone' | 'transit-card' | 'emv-card';

export interface NfcCarrierParams {
  kind: NfcCarrierKind;
  cardType: 'A' | 'B';
  uidBytes: number;
  antenna: CarrierAntennaParams;
  /** Per-handset loss of effective coupling area, dB (drawn once per tap). */
  couplingLossDb: Distribution;
  /** Per-handset resonance shift Δf, Hz (drawn once per tap). */
  detuningHz: Distribution;
  flow: ApduFlow;
  isoDep: IsoDepParams;
  activation: TypeAActivationOptions;
}

export interface NfcReaderParams {
  antenna: ReaderAntennaParams;
  /** Poll cycle (field-on guard + REQA/REQB … until the next poll), ns. */
  pollingPeriodNs: TimeNs;
  policy: CollisionPolicy;
  /** Type B slot count N (1, 2, 4, 8, 16). */
  typeBSlots: number;
  /** Reader gives up this long after the first poll, ns. */
  transactionTimeoutNs: TimeNs;
}

export interface NfcTapParams {
  reader: NfcReaderParams;
  carrier: NfcCarrierParams;
}

export interface NfcTapContext {
  /** Other cards powered in the field with the carrier (e.g. a wallet of two cards → 1). */
  otherCardsInField: number;
}

const constant = (value: number): Distribution => ({ kind: 'constant', value });

/** Gate reader defaults [E]. */
export function defaultNfcReader(policy: CollisionPolicy): NfcReaderParams {
  return {
    antenna: DEFAULT_GATE_READER_ANTENNA, // [E] FACTS §1.2, §3.1 (calibrated; see nfc-link-budget.ts)
    pollingPeriodNs: ms(20), // [E] no FACTS value; ≥ the 5.1 ms guard of FACTS §1.2
    policy, // [U] FACTS §2.3 (payment: no transaction with > 1 card; transit may resolve)
    typeBSlots: 4, // [E] FACTS §2.2 (N = 2^n, n = 0…4)
    transactionTimeoutNs: ms(1000), // [E] FACTS §5 (transit budgets ≤ 300–400 ms; qPBOC ≤ 500–600 ms)
  };
}

/** Default parameters for one carrier kind (reader included). */
export function defaultNfcTapParams(kind: NfcCarrierKind): NfcTapParams {
  switch (kind) {
    case 'nfc-phone':
      return {
        reader: defaultNfcReader('emv'),
        carrier: {
          kind,
          cardType: 'A',
          uidBytes: 4, // [E] random 4-byte UID of card emulation
          antenna: DEFAULT_PHONE_ANTENNA,
          // [E] FACTS §4.2: 0–10 dB, 3–6 typical; median 4 dB, per-handset spread σ 2 dB. With the 200 kHz detuning
          // (−3.1 dB at Q 35) the median phone reaches Hmin at 4.15 cm on axis, and with the default gesture
          // (offset σ 1.5 cm, tilt σ 12°) success falls to 50 % at ≈ 3.75 cm dwell height — calibrated to FACTS §4.1/§4.2 (3.5–4 cm).
          couplingLossDb: { kind: 'normal', mean: 4, sd: 2, min: 0, max: 10 },
          detuningHz: constant(200e3), // [E] FACTS §4.2 detuning term (metal body, battery)
          flow: qpbocFlow(2),
          isoDep: DEFAULT_ISO_DEP,
          activation: DEFAULT_TYPE_A_ACTIVATION,
        },
      };
    case 'emv-card':
      return {
        reader: defaultNfcReader('emv'),
        carrier: {
          kind,
          cardType: 'A',
          uidBytes: 4, // [E]
          antenna: DEFAULT_ID1_CARD_ANTENNA,
          couplingLossDb: constant(0), // [E] FACTS §4.2 (no phone body)
          detuningHz: constant(0), // [E] FACTS §3.3 (Hmin of the class already includes the card's own tuning)
          flow: qpbocFlow(2),
          isoDep: DEFAULT_ISO_DEP,
          activation: DEFAULT_TYPE_A_ACTIVATION,
        },
      };
    case 'transit-card':
      return {
        reader: defaultNfcReader('transit'),
        carrier: {
          kind,
          cardType: 'A',
          uidBytes: 4, // [E]
          antenna: DEFAULT_ID1_CARD_ANTENNA,
          couplingLossDb: constant(0), // [E] FACTS §4.2
          detuningHz: constant(0), // [E] FACTS §3.3
          flow: transitEpurseFlow(),
          isoDep: { ...DEFAULT_ISO_DEP, fwi: 6 }, // [E] FACTS §1.3 (19.3 ms; no RSA on transit cards)
          activation: DEFAULT_TYPE_A_ACTIVATION,
        },
      };
  }
}

/** Type B defaults for a carrier: FDT = TR0 + TR1 (FACTS §1.3). */
export function asTypeB(c: NfcCarrierParams): NfcCarrierParams {
  return {
    ...c,
    cardType: 'B',
    antenna: { ...c.antenna, uplinkModulation: 'bpsk' },
    isoDep: { ...c.isoDep, cardType: 'B', fdtCycles: TR0_B_MAX_CYCLES + TR1_B_MIN_CYCLES },
  };
}

/** Link evaluation at a gesture instant: −1 unpowered, else frame loss probability (FACTS §1.2, §3). */
export function nfcLinkAt(pre: PreparedNfcLink, traj: TapTrajectory, tNs: TimeNs, bits: number): number {
  const pos = positionAt(traj, tNs);
  return evaluateNfcLink(pre, pos.heightM, pos.lateralOffsetM, pos.tiltRad, bits);
}

/**
 * The link of one tap with the field memoised by height: offset and tilt are fixed for a
 * gesture, so during the dwell (where most frames fall) every frame reuses one field value.
 */
class TapLink implements FrameLink {
  private lastHeightM = NaN;
  private lastFieldPerAmpereTurn = 0;
  /** Gesture start → dwell height reached, ns (folded once per tap). */
  readonly approachNs: TimeNs;
  private readonly cosTilt: number;
  private readonly sinTilt: number;

  constructor(
    private readonly pre: PreparedNfcLink,
    private readonly traj: TapTrajectory,
  ) {
    this.approachNs = approachDurationNs(traj);
    this.cosTilt = Math.cos(traj.tiltRad);
    this.sinTilt = Math.sin(traj.tiltRad);
  }

  /** Normal field per ampere-turn at `heightM` (offset and tilt of the gesture), 1/m — FACTS §3.1. */
  fieldAtHeight(heightM: number): number {
    if (heightM !== this.lastHeightM) {
      this.lastHeightM = heightM;
      // As normalFieldPerAmpereTurnPerM, with the tilt's cosine and sine folded once per tap.
      this.lastFieldPerAmpereTurn = Math.abs(circularLoopTiltedFieldAPerM(1, this.pre.radiusM, this.traj.lateralOffsetM, heightM, this.cosTilt, this.sinTilt));
    }
    return this.lastFieldPerAmpereTurn;
  }

  private fieldAt(tNs: TimeNs): number {
    return this.fieldAtHeight(heightAtM(this.traj, tNs, this.approachNs));
  }

  /** Powered at `heightM`: H_eff ≥ Hmin (FACTS §1.2). */
  poweredAtHeight(heightM: number): boolean {
    return this.pre.fieldScaleA * this.fieldAtHeight(heightM) >= this.pre.hminAPerM;
  }

  powered(tNs: TimeNs): boolean {
    return this.pre.fieldScaleA * this.fieldAt(tNs) >= this.pre.hminAPerM;
  }

  /** As evaluateNfcLink (FACTS §1.2, §3): −1 unpowered, else the frame loss probability. */
  frameErrorProbability(tNs: TimeNs, bits: number): number {
    return frameErrorFromField(this.pre, this.fieldAt(tNs), bits);
  }

  /** ln(H_eff / Hmin) at `heightM`: ≥ 0 where powered (used only to place the next trial height). */
  logMarginAtHeight(heightM: number): number {
    return Math.log((this.pre.fieldScaleA * this.fieldAtHeight(heightM)) / this.pre.hminAPerM);
  }
}

/** Crossing resolution in time: 0.5 ms, a tenth of the shortest 5.1 ms poll cycle (FACTS §1.2). */
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
function fieldCrossingsNs(link: TapLink, traj: TapTrajectory, dwellEndNs: TimeNs, endNs: TimeNs): { entryNs: TimeNs; exitNs: TimeNs } {
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

type ActivationResult = StepResult | 'collision';

function runEx(s: LinkSession, link: FrameLink, rng: RandomStream, x: Exchange, retries: number): StepResult {
  return runExchange(s, link, rng, x.pcdBits, x.piccBits, x.etuCycles, x.responseDelayCycles, x.turnaroundCycles, 0, retries);
}

function runAll(s: LinkSession, link: FrameLink, rng: RandomStream, xs: readonly Exchange[], retries: number): StepResult {
  for (const x of xs) {
    const r = runEx(s, link, rng, x, retries);
    if (r !== 'ok') return r;
  }
  return 'ok';
}

/** Activation incl. anticollision among `others` (FACTS §2.1–§2.5). Transit policy halts wrong cards and re-polls. */
function activate(s: LinkSession, link: FrameLink, rng: RandomStream, c: NfcCarrierParams, r: NfcReaderParams, xs: readonly Exchange[], others: readonly TypeACard[], self: TypeACard): ActivationResult {
  const retries = c.isoDep.maxRetransmissions;
  let field: TypeACard[] = [self, ...others];
  if (c.cardType === 'B') {
    const [reqb, ...rest] = xs;
    while (field.length > 1) {
      const res = resolveTypeB(field, rng, r.policy, r.typeBSlots);
      for (let i = 0; i < res.frames; i++) {
        const x = runEx(s, link, rng, i === 0 ? (reqb as Exchange) : typeBExchange('Slot-MARKER', 3, 14), retries);
        if (x !== 'ok') return x;
      }
      s.collisions += res.collisions;
      if (res.selected === null) return 'collision';
      if (res.selected === self) return runAll(s, link, rng, rest, retries);
      field = field.filter((f) => f !== res.selected); // HLTB the wrong card, poll again
      s.tNs += HLTA_WAIT_NS;
    }
    return runAll(s, link, rng, xs, retries);
  }
  if (field.length === 1) return runAll(s, link, rng, xs, retries);
  const o = c.activation;
  for (;;) {
    const rq = runEx(s, link, rng, reqaExchange(o), retries);
    if (rq !== 'ok') return rq;
    const res = resolveTypeA(field, rng, r.policy);
    for (let i = 0; i < res.frames; i++) {
      const x = runEx(s, link, rng, anticollisionExchange(1, o), retries);
      if (x !== 'ok') return x;
    }
    s.collisions += res.collisions;
    if (res.selected === null) return 'collision';
    if (res.selected === self) return runAll(s, link, rng, xs.slice(2), retries); // SELECT CL1 onwards
    const sel = runEx(s, link, rng, selectExchange(1, o), retries); // the wrong card: SELECT, then HLTA
    if (sel !== 'ok') return sel;
    s.tNs += HLTA_WAIT_NS;
    field = field.filter((f) => f !== res.selected);
    if (field.length === 1) return runAll(s, link, rng, xs, retries);
  }
}

/** No other card in the field (the default context). */
export const NO_OTHER_CARDS: NfcTapContext = { otherCardsInField: 0 };

/** The activation exchanges of a carrier (fixed by its parameters: build them once per reader–carrier pair, not per tap). */
export function nfcActivationExchanges(c: NfcCarrierParams): readonly Exchange[] {
  if (c.cardType === 'B') return typeBActivationExchanges(DEFAULT_TYPE_B_ACTIVATION);
  return typeAActivationExchanges(c.uidBytes, c.isoDep.bitRateKbps, c.flow.protocol === 'native' ? { ...c.activation, rats: false } : c.activation);
}

/**
 * The outcome of a tap from its session. durationNs: gesture start → end of the attempt (last
 * frame, or the gesture's end when nothing completed); latency from `startNs` (the first poll).
 */
function nfcOutcome(cause: TapCause, s: LinkSession, traj: TapTrajectory, endNs: TimeNs, startNs: TimeNs, extraNs = 0, untilGestureEnd = false): TapOutcome {
  return {
    cause,
    band: '13.56MHz',
    latencyNs: Math.max(0, s.tNs - startNs) + extraNs,
    durationNs: untilGestureEnd ? Math.max(endNs, s.tNs) : s.tNs + extraNs,
    frames: s.frames,
    retransmissions: s.retransmissions,
    collisions: s.collisions,
    heightM: traj.dwellHeightM,
    offsetM: traj.lateralOffsetM,
  };
}

/**
 * Simulate one tap on the 13.56 MHz band.
 * @param params reader and carrier parameters (`defaultNfcTapParams(kind)`)
 * @param traj the gesture (times are ns since gesture start)
 * @param rng the tap's stream (handset draws, poll phase, frame errors, processing times)
 * @param context other cards in the field
 * @param activation `nfcActivationExchanges(params.carrier)`, prepared once by callers that tap often
 * @returns TapOutcome: cause ok | out-of-range | tear | collision | frame-errors | timeout; latency from the first poll
 */
export function simulateNfcTap(
  params: NfcTapParams,
  traj: TapTrajectory,
  rng: RandomStream,
  context: NfcTapContext = NO_OTHER_CARDS,
  activation: readonly Exchange[] = nfcActivationExchanges(params.carrier),
): TapOutcome {
  const { reader: r, carrier: c } = params;
  if (c.flow.protocol === 'optical') throw new Error(`simulateNfcTap: flow '${c.flow.name}' is optical, not 13.56 MHz`);
  const pre = prepareNfcLink(r.antenna, c.antenna, Math.max(0, sample(rng, c.couplingLossDb)), sample(rng, c.detuningHz));
  const link = new TapLink(pre, traj);
  const s: LinkSession = { tNs: 0, frames: 0, retransmissions: 0, collisions: 0 };
  const endNs = gestureDurationNs(traj);
  const approachNs = link.approachNs;
  const dwellEndNs = approachNs + traj.holdNs;
  if (!link.powered(approachNs)) return nfcOutcome('out-of-range', s, traj, endNs, 0, 0, true);
  // Powered already at the start height (= the end height): in the field for the whole gesture.
  const crossings = link.powered(0) ? { entryNs: 0, exitNs: endNs } : fieldCrossingsNs(link, traj, dwellEndNs, endNs);
  const { entryNs, exitNs } = crossings;

  const native = c.flow.protocol === 'native';
  // Cards sharing the field (UIDs drawn only when there are any).
  let self: TypeACard | null = null;
  let others: TypeACard[] = [];
  if (context.otherCardsInField > 0) {
    const uids = randomDistinctUids(rng, context.otherCardsInField + 1, c.uidBytes);
    self = { uid: uids[0] as Uint8Array };
    others = uids.slice(1).map((uid) => ({ uid }));
  }

  // FACTS §1.2: polls every period with a 5.1 ms field-on guard; the first one after entry has a random phase.
  const periodNs = r.pollingPeriodNs;
  const firstPollNs = entryNs + Math.floor(rng.next01() * periodNs);
  const deadlineNs = firstPollNs + r.transactionTimeoutNs;
  let pollNs = firstPollNs;
  // Never activated: frame errors if any poll failed on them, else the carrier left (tear).
  let failure: TapCause = 'tear';
  for (;;) {
    if (pollNs > exitNs) return nfcOutcome(failure, s, traj, endNs, firstPollNs, 0, true);
    s.tNs = pollNs + POLL_GUARD_TIME_NS;
    const res = self === null ? runAll(s, link, rng, activation, c.isoDep.maxRetransmissions) : activate(s, link, rng, c, r, activation, others, self);
    if (res === 'collision') return nfcOutcome('collision', s, traj, endNs, firstPollNs);
    if (res === 'ok') break;
    if (res !== 'tear') failure = res;
    pollNs += periodNs * Math.max(1, Math.ceil((s.tNs - pollNs) / periodNs));
  }

  const p = c.isoDep;
  for (const step of c.flow.steps) {
    s.tNs += ms(sample(rng, c.flow.pcdTurnaroundMs));
    if (step.terminalBeforeMs !== undefined) s.tNs += ms(sample(rng, step.terminalBeforeMs));
    const procNs = ms(Math.max(0, sample(rng, step.cardProcessingMs)));
    const res = native
      ? runExchange(s, link, rng, typeAFrameBits(step.commandBytes), typeAFrameBits(step.responseBytes), ETU_CYCLES[106], p.fdtCycles, p.pcdTurnaroundCycles, procNs, p.maxRetransmissions)
      : isoDepApdu(s, link, rng, step.commandBytes, step.responseBytes, procNs, p);
    if (res !== 'ok') return nfcOutcome(res, s, traj, endNs, firstPollNs);
    if (s.tNs > deadlineNs) return nfcOutcome('timeout', s, traj, endNs, firstPollNs);
  }
  return nfcOutcome('ok', s, traj, endNs, firstPollNs, ms(Math.max(0, sample(rng, c.flow.afterLastFrameMs))));
}
