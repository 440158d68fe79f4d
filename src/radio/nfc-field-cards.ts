/**
 * Which other cards share the 13.56 MHz field with a tap (docs/architecture.md#model): a second card
 * in the tapper's wallet or phone case (`extraCards`, docs/sources.md#f2-3a) and the carriers of the
 * people around (the person behind, the tappers at the neighbouring gates; radio/bystander-geometry.ts).
 * Each is placed, and powered or not by the link budget at its position (docs/sources.md#f1-2, #f3-1);
 * the powered ones join anticollision (radio/nfc-activation.ts).
 *
 * Draw order per tap (fixed, from the tap's stream, whatever the probability): the wallet uniform, the
 * extra card's kind uniform; then the person behind's height and distance (when they carry a 13.56 MHz
 * carrier); then each neighbour's height and offset (likewise).
 */
import type { RandomStream } from '../random/stream.js';
import { sample } from '../random/distributions.js';
import type { TapTrajectory } from '../motion/tap-gesture.js';
import { DEFAULT_ID1_CARD_ANTENNA, effectiveFieldAPerM, prepareNfcLink, type CarrierAntennaParams, type ReaderAntennaParams } from '../physics/nfc-link-budget.js';
import type { Bystander, TapSurroundings } from './band.js';
import { neighbourLateralM } from './bystander-geometry.js';
import { defaultNfcTapParams, type NfcCarrierKind } from './nfc-params.js';
import type { CollisionPolicy } from '../link/anticollision/type-a.js';

/** What a 13.56 MHz reader does with more than one card in its field: refuse (no transaction, `collision`) or select one by anticollision. */
export const MULTI_CARD_POLICIES = ['refuse', 'select'] as const;
export type MultiCardPolicy = (typeof MULTI_CARD_POLICIES)[number];
/** The anticollision rule of a multi-card policy (link/anticollision: 'emv' stops at the first collision, docs/sources.md#f2-3). */
export const collisionPolicyOf = (m: MultiCardPolicy): CollisionPolicy => (m === 'refuse' ? 'emv' : 'transit');

/** What an extra card may be: a payment or transit card (it can pay at a 13.56 MHz reader) or another contactless card (an access badge: it answers anticollision but cannot pay). */
export const EXTRA_CARD_KINDS = ['emv-card', 'transit-card', 'other'] as const;
export type ExtraCardKind = (typeof EXTRA_CARD_KINDS)[number];

export interface ExtraCardsParams {
  /** Probability that a tap presents a second card with the carrier (a wallet, a phone case). */
  probability: number;
  /** What that card may be, drawn uniformly. */
  kinds: readonly ExtraCardKind[];
  /** How far behind the carrier it sits (the stack's spacing), m: same lateral position and tilt, height + offset. */
  offsetM: number;
}

/**
 * Defaults: probability 2 × 10⁻⁴ — TfL's barrier data before contactless launched in 2014, 2 000 card
 * clashes per 10 million Oyster taps ([S-weak] docs/sources.md#f2-3a), taken as the share of taps with a
 * second powered card (the second card is powered in most of them at 1 cm spacing; so this slightly
 * underestimates). Kinds: all three, uniformly [E] (no published split). Offset 1 cm [E]: a card
 * wallet or phone case holds the cards 1–5 mm apart; 1 cm allows for a folded wallet.
 */
export const DEFAULT_EXTRA_CARDS: ExtraCardsParams = { probability: 2e-4, kinds: EXTRA_CARD_KINDS, offsetM: 0.01 };

/** What a reader that selects another card gets: it pays as `wrong-card` (the tapper's own other card) or `wrong-gate` (another person's), or null: it cannot pay, so the reader halts it and polls again. */
export type OtherCardPays = 'wrong-card' | 'wrong-gate' | null;

/**
 * Upper bound of the field of a reader loop (N·I ampere-turns, radius a) at a point `distanceM` from
 * its nearest wire: by Biot–Savart |H| ≤ N·I·2πa / (4π·d²) = N·I·a / (2d²) (docs/sources.md#f3-1).
 * A carrier where this bound is below its Hmin cannot be powered, whatever its coupling and tilt.
 */
export function loopFieldBoundAPerM(reader: ReaderAntennaParams, heightM: number, lateralM: number): number {
  const dRho = Math.abs(lateralM) - reader.radiusM;
  const d2 = dRho * dRho + heightM * heightM;
  return d2 > 0 ? (reader.ampereTurnsA * reader.radiusM) / (2 * d2) : Infinity;
}

/** A carrier antenna at a position is powered by the reader (docs/sources.md#f1-2: H_eff ≥ Hmin); the bound above skips the budget far out. */
export function poweredAt(reader: ReaderAntennaParams, antenna: CarrierAntennaParams, couplingLossDb: number, detuningHz: number, heightM: number, lateralM: number, tiltRad: number): boolean {
  if (loopFieldBoundAPerM(reader, heightM, lateralM) < antenna.hminAPerM) return false;
  const pre = prepareNfcLink(reader, antenna, couplingLossDb, detuningHz);
  return effectiveFieldAPerM(pre, heightM, lateralM, tiltRad) >= pre.hminAPerM;
}

const NFC_KINDS: readonly string[] = ['nfc-phone', 'transit-card', 'emv-card'];

/** A bystander's 13.56 MHz carrier at a static position: its kind's antenna and median coupling loss and detuning (radio/nfc-params.ts); powered or not. */
function bystanderPowered(reader: ReaderAntennaParams, b: Bystander, heightM: number, lateralM: number): boolean {
  const kind = b.profiles?.['13.56MHz'];
  const c = defaultNfcTapParams(kind !== undefined && NFC_KINDS.includes(kind) ? (kind as NfcCarrierKind) : 'transit-card').carrier;
  const median = (d: typeof c.couplingLossDb): number => (d.kind === 'constant' ? d.value : d.kind === 'normal' ? d.mean : 0);
  return poweredAt(reader, c.antenna, median(c.couplingLossDb), median(c.detuningHz), heightM, lateralM, 0);
}

const hears = (b: Bystander | null): b is Bystander => b !== null && b.bands.includes('13.56MHz');

/**
 * The other cards powered in the field at the carrier's dwell position, each with what it does when
 * a selecting reader picks it. The person behind and neighbours pay as `wrong-gate` (another person
 * billed, the gate in front of the tapper opens — as a 2.45 GHz bind to another phone).
 */
export function otherCardsInField(reader: ReaderAntennaParams, extra: ExtraCardsParams, traj: TapTrajectory, around: TapSurroundings, rng: RandomStream): OtherCardPays[] {
  const out: OtherCardPays[] = [];
  const wallet = rng.next01() < extra.probability;
  const kind = extra.kinds[Math.min(extra.kinds.length - 1, Math.floor(rng.next01() * extra.kinds.length))];
  if (wallet && kind !== undefined && poweredAt(reader, DEFAULT_ID1_CARD_ANTENNA, 0, 0, traj.dwellHeightM + extra.offsetM, traj.lateralOffsetM, traj.tiltRad)) {
    out.push(kind === 'other' ? null : 'wrong-card');
  }
  const g = around.geometry;
  if (hears(around.behind)) {
    const heightM = sample(rng, g.behindHeightM);
    const distanceM = sample(rng, g.behindDistanceM);
    if (bystanderPowered(reader, around.behind, heightM, distanceM)) out.push('wrong-gate');
  }
  for (const n of around.neighbours) {
    if (!hears(n.carrier)) continue;
    const heightM = sample(rng, g.neighbourHeightM);
    const lateralM = neighbourLateralM(n.lateralM, sample(rng, g.neighbourOffsetM));
    if (bystanderPowered(reader, n.carrier, heightM, lateralM)) out.push('wrong-gate');
  }
  return out;
}
