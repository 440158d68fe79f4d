/**
 * 13.56 MHz activation of one tap: the carrier's activation exchanges and, with other cards in
 * the field, anticollision (docs/sources.md#f2-1–#f2-5) exchange by exchange over the tap's link.
 */
import type { RandomStream } from '../random/stream.js';
import { DEFAULT_TYPE_B_ACTIVATION, anticollisionExchange, reqaExchange, selectExchange, typeAActivationExchanges, typeBActivationExchanges, typeBExchange, type Exchange } from '../link/activation.js';
import { resolveTypeA, type TypeACard } from '../link/anticollision/type-a.js';
import { resolveTypeB } from '../link/anticollision/type-b.js';
import { runExchange, type FrameLink, type LinkSession, type StepResult } from '../link/iso-dep.js';
import { HLTA_WAIT_NS } from '../link/iso14443.js';
import type { NfcCarrierParams, NfcReaderParams } from './nfc-params.js';
import type { OtherCardPays } from './nfc-field-cards.js';

/** 'wrong-card' / 'wrong-gate': activated, but with another card that pays (radio/nfc-field-cards.ts). */
export type ActivationResult = StepResult | 'collision' | 'wrong-card' | 'wrong-gate';

/** Another card in the field: its UID and what it does when selected (null: cannot pay, halted). */
export interface OtherCard extends TypeACard {
  pays?: OtherCardPays;
}

/** The rest of the activation ran with `card`: ok → the cause it pays as. */
function activatedWith(card: OtherCard | TypeACard, self: TypeACard, r: StepResult): ActivationResult {
  if (r !== 'ok' || card === self) return r;
  return (card as OtherCard).pays ?? 'ok';
}

function runEx(s: LinkSession, link: FrameLink, rng: RandomStream, x: Exchange, retries: number): StepResult {
  return runExchange(s, link, rng, x.pcdBits, x.piccBits, x.etuCycles, x.responseDelayCycles, x.turnaroundCycles, 0, retries);
}

export function runAll(s: LinkSession, link: FrameLink, rng: RandomStream, xs: readonly Exchange[], retries: number): StepResult {
  for (const x of xs) {
    const r = runEx(s, link, rng, x, retries);
    if (r !== 'ok') return r;
  }
  return 'ok';
}

/**
 * Activation incl. anticollision among `others` (docs/sources.md#f2-1–#f2-5). The EMV policy (a refusing
 * reader) ends at the first collision; the transit policy (a selecting reader) goes on with the card it
 * singulates: the carrier, another card that pays (→ 'wrong-card' / 'wrong-gate'), or one that cannot,
 * which it halts before polling again. With a timeline, the resolution's frames and waits are charged
 * to `anticollisionNs`, the selected card's activation to `activationNs`.
 */
export function activate(s: LinkSession, link: FrameLink, rng: RandomStream, c: NfcCarrierParams, r: NfcReaderParams, xs: readonly Exchange[], others: readonly OtherCard[], self: TypeACard): ActivationResult {
  const retries = c.isoDep.maxRetransmissions;
  let field: OtherCard[] = [self, ...others];
  const pays = (card: OtherCard): boolean => card !== self && card.pays !== undefined && card.pays !== null;
  const resolved = (): void => s.timeline?.phase('activationNs', s.tNs);
  if (field.length > 1) s.timeline?.phase('anticollisionNs', s.tNs);
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
      const chosen = res.selected;
      if (chosen === self || pays(chosen)) {
        resolved();
        return activatedWith(chosen, self, runAll(s, link, rng, rest, retries));
      }
      field = field.filter((f) => f !== chosen); // HLTB the wrong card, poll again
      s.tNs += HLTA_WAIT_NS;
    }
    resolved();
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
    const chosen = res.selected;
    if (chosen === self || pays(chosen)) {
      resolved();
      return activatedWith(chosen, self, runAll(s, link, rng, xs.slice(2), retries)); // SELECT CL1 onwards
    }
    const sel = runEx(s, link, rng, selectExchange(1, o), retries); // a card that cannot pay: SELECT, then HLTA
    if (sel !== 'ok') return sel;
    s.tNs += HLTA_WAIT_NS;
    field = field.filter((f) => f !== chosen);
    if (field.length === 1) {
      resolved();
      return runAll(s, link, rng, xs, retries);
    }
  }
}

/** The activation exchanges of a carrier (fixed by its parameters: build them once per reader–carrier pair, not per tap). */
export function nfcActivationExchanges(c: NfcCarrierParams): readonly Exchange[] {
  if (c.cardType === 'B') return typeBActivationExchanges(DEFAULT_TYPE_B_ACTIVATION);
  return typeAActivationExchanges(c.uidBytes, c.isoDep.bitRateKbps, c.flow.protocol === 'native' ? { ...c.activation, rats: false } : c.activation);
}

