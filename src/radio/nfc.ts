/**
 * The 13.56 MHz band model (docs/architecture.md#model): one tap evaluated frame by frame in a tight loop, no kernel events.
 *
 * The first poll after field entry follows from the polling period and a uniformly random phase (idle
 * polls are never simulated). From there activation (docs/sources.md#f2-1/#f2-2/#f2-4), anticollision when other
 * cards share the field (docs/sources.md#f2-3/#f2-5) and the APDU flow (docs/sources.md#f10) run exchange by exchange; each
 * PICC frame is checked against the link budget (docs/sources.md#f1-2, #f3) at the carrier's position at that
 * instant (`positionAt`), so a carrier leaving mid-exchange tears the transaction.
 */
import type { RandomStream } from '../random/stream.js';
import { sample } from '../random/distributions.js';
import { gestureDurationNs, presentationNs, type TapTrajectory } from '../motion/tap-gesture.js';
import { attemptEndNs } from '../motion/closed-loop.js';
import type { TimeNs } from '../units.js';
import type { TapCause, TapOutcome } from './tap-outcome.js';
import { prepareNfcLink } from '../physics/nfc-link-budget.js';
import type { Exchange } from '../link/activation.js';
import { randomDistinctUids, type TypeACard } from '../link/anticollision/type-a.js';
import { isoDepApdu, runExchange, type LinkSession } from '../link/iso-dep.js';
import { runFlow, type FlowExchange, type FlowObserver } from '../link/flow-run.js';
import { TapTimeline } from '../link/tap-timeline.js';
import { ETU_CYCLES, POLL_GUARD_TIME_NS, typeAFrameBits } from '../link/iso14443.js';
import type { NfcTapParams } from './nfc-params.js';
import { fieldCrossingsNs, TapLink } from './nfc-link.js';
import { activate, nfcActivationExchanges, runAll, type OtherCard } from './nfc-activation.js';
import type { OtherCardPays } from './nfc-field-cards.js';

export interface NfcTapContext {
  /** Other cards powered in the field with the carrier (e.g. a wallet of two cards → 1). */
  otherCardsInField: number;
  /** Per other card, what it does when a selecting reader singulates it (radio/nfc-field-cards.ts); absent: none can pay (halted, polled again). */
  otherCardPays?: readonly OtherCardPays[];
}

/** No other card in the field (the default context). */
export const NO_OTHER_CARDS: NfcTapContext = { otherCardsInField: 0 };

/** Causes after which the reader indicates a payment (the gate opens): the attempt ends at the result. */
const PAID: readonly TapCause[] = ['ok', 'wrong-card', 'wrong-gate'];

/**
 * The outcome of a tap from its session. The attempt ends (motion/closed-loop.ts) at the result
 * (the last frame and the reader's closing work) when a card paid; one reaction after it when the
 * reader indicated a failure (card clash, an error after activation); and — `untilGestureEnd`, the
 * carrier never activated, nothing indicated — when the gesture ends or the last frame does,
 * whichever is later. Latency and its components from the tap's timeline (link/tap-timeline.ts),
 * presentation → the reader's result (the attempt's end when nothing was indicated).
 */
function nfcOutcome(cause: TapCause, s: LinkSession, traj: TapTrajectory, endNs: TimeNs, untilGestureEnd = false): TapOutcome {
  const durationNs = attemptEndNs(untilGestureEnd ? 'none' : PAID.includes(cause) ? 'success' : 'failure', s.tNs, traj.reactionNs, endNs);
  // The latency runs to the reader's result; a never-indicated attempt's result is its end (the time after the last frame is waiting).
  const timed = (s.timeline as TapTimeline).close(untilGestureEnd ? durationNs : s.tNs);
  return {
    cause,
    band: '13.56MHz',
    latencyNs: timed.latencyNs,
    components: timed.components,
    presentationNs: timed.presentationNs,
    durationNs,
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
 * @param observe sees every command of the carrier's flow (link/flow-run.ts)
 * @returns TapOutcome: cause ok | out-of-range | tear | collision | frame-errors | timeout | wrong-card | wrong-gate; latency from the presentation
 */
export function simulateNfcTap(
  params: NfcTapParams,
  traj: TapTrajectory,
  rng: RandomStream,
  context: NfcTapContext = NO_OTHER_CARDS,
  activation: readonly Exchange[] = nfcActivationExchanges(params.carrier),
  observe?: FlowObserver,
): TapOutcome {
  const { reader: r, carrier: c } = params;
  if (c.flow.protocol === 'optical') throw new Error(`simulateNfcTap: flow '${c.flow.name}' is optical, not 13.56 MHz`);
  const pre = prepareNfcLink(r.antenna, c.antenna, Math.max(0, sample(rng, c.couplingLossDb)), sample(rng, c.detuningHz));
  const link = new TapLink(pre, traj);
  const s: LinkSession = { tNs: 0, frames: 0, retransmissions: 0, collisions: 0, timeline: new TapTimeline(presentationNs(traj)) };
  const timeline = s.timeline as TapTimeline;
  const endNs = gestureDurationNs(traj);
  const approachNs = link.approachNs;
  const dwellEndNs = approachNs + traj.holdNs;
  if (!link.powered(approachNs)) return nfcOutcome('out-of-range', s, traj, endNs, true);
  // Powered already at the start height (= the end height): in the field for the whole gesture.
  const crossings = link.powered(0) ? { entryNs: 0, exitNs: endNs } : fieldCrossingsNs(link, traj, dwellEndNs, endNs);
  const { entryNs, exitNs } = crossings;

  const native = c.flow.protocol === 'native';
  // Cards sharing the field (UIDs drawn only when there are any).
  let self: TypeACard | null = null;
  let others: OtherCard[] = [];
  if (context.otherCardsInField > 0) {
    const uids = randomDistinctUids(rng, context.otherCardsInField + 1, c.uidBytes);
    self = { uid: uids[0] as Uint8Array };
    others = uids.slice(1).map((uid, i) => ({ uid, pays: context.otherCardPays?.[i] ?? null }));
  }

  // docs/sources.md#f1-2: polls every period with a 5.1 ms field-on guard; the first one after entry has a random phase.
  const periodNs = r.pollingPeriodNs;
  const firstPollNs = entryNs + Math.floor(rng.next01() * periodNs);
  const deadlineNs = firstPollNs + r.transactionTimeoutNs;
  let pollNs = firstPollNs;
  // Never activated: frame errors if any poll failed on them, else the carrier left (tear).
  let failure: TapCause = 'tear';
  let paid: TapCause = 'ok'; // or the other card that activated (wrong-card, wrong-gate)
  for (;;) {
    if (pollNs > exitNs) return nfcOutcome(failure, s, traj, endNs, true);
    timeline.phase('activationNs', pollNs); // waiting until this poll; its guard and activation from here
    s.tNs = pollNs + POLL_GUARD_TIME_NS;
    const res = self === null ? runAll(s, link, rng, activation, c.isoDep.maxRetransmissions) : activate(s, link, rng, c, r, activation, others, self);
    if (res === 'collision') return nfcOutcome('collision', s, traj, endNs);
    if (res === 'ok' || res === 'wrong-card' || res === 'wrong-gate') {
      paid = res;
      break;
    }
    if (res !== 'tear') failure = res;
    timeline.phase('waitNs', s.tNs);
    pollNs += periodNs * Math.max(1, Math.ceil((s.tNs - pollNs) / periodNs));
  }

  const p = c.isoDep;
  timeline.phase('airNs', s.tNs);
  const exchange: FlowExchange = (step, procNs) =>
    native
      ? runExchange(s, link, rng, typeAFrameBits(step.commandBytes), typeAFrameBits(step.responseBytes), ETU_CYCLES[106], p.fdtCycles, p.pcdTurnaroundCycles, procNs, p.maxRetransmissions)
      : isoDepApdu(s, link, rng, step.commandBytes, step.responseBytes, procNs, p);
  const res = runFlow(s, c.flow, c.secureElement, rng, exchange, deadlineNs, observe);
  return nfcOutcome(res === 'ok' ? paid : res, s, traj, endNs);
}
