/**
 * The 13.56 MHz band (ISO/IEC 14443 / NFC) behind the band interface: its reader section
 * (`readers[].nfc`, defaults from the calibrated gate reader), the pair preparation from a reader
 * and a carrier, and one tap (simulateNfcTap, nfc.ts).
 */
import type { Distribution } from '../random/distributions.js';
import { DEFAULT_GATE_READER_ANTENNA, DEFAULT_RECTANGULAR_READER_LOOP } from '../physics/nfc-link-budget.js';
import { drawGestureAngles } from '../motion/tap-gesture.js';
import type { CollisionPolicy } from '../link/anticollision/type-a.js';
import { apduFlowByName } from '../link/apdu-flows.js';
import { secureElement, type SecureElementKind } from '../link/secure-element.js';
import type { Exchange } from '../link/activation.js';
import { DEFAULT_ISO_DEP } from '../link/iso-dep.js';
import type { TimeNs } from '../units.js';
import type { BandCarrier, BandModel, BandReader, BandSection, SectionValues } from './band.js';
import { asTypeB, defaultNfcReader, defaultNfcTapParams, type NfcCarrierKind, type NfcTapParams } from './nfc-params.js';
import { nfcActivationExchanges } from './nfc-activation.js';
import { simulateNfcTap } from './nfc.js';
import { DEFAULT_EXTRA_CARDS, collisionPolicyOf, otherCardsInField, type ExtraCardsParams, type MultiCardPolicy } from './nfc-field-cards.js';
import { carrierSpreadOf, withCarrierSpread, type CarrierSpreadInput } from './nfc-card-spread.js';
import type { CarrierSpreadParams } from '../physics/card-spread.js';

/** The reader defaults the scenario shows (the policy only picks the anticollision rule, not a default here). */
export const NFC_READER_DEFAULTS = defaultNfcReader('emv');
const READER = NFC_READER_DEFAULTS;

export const NFC_SECTION = {
  key: 'nfc',
  help: '13.56 MHz reader parameters (ISO/IEC 14443), defaults from the calibrated gate reader.',
  fields: {
    shape: { kind: 'choice', options: ['circle', 'rectangle'], default: 'circle', help: 'Reader loop shape: circle (antennaRadius) or rectangle (antennaWidth × antennaLength), docs/sources.md#f3-1. A rectangle makes each tap draw the direction of its lateral offset and its tilt axis.' },
    antennaRadius: { kind: 'quantity', dimension: 'length', unit: 'mm', default: DEFAULT_GATE_READER_ANTENNA.radiusM, range: { min: 0, exclusiveMin: true }, help: 'Circular reader loop radius, m: {default} [E] docs/sources.md#f3-1 (a ≈ read distance; calibrated so an ID-1 card reads to ≈ 7 cm, src/physics/nfc-link-budget.ts).' },
    antennaWidth: { kind: 'quantity', dimension: 'length', unit: 'mm', default: DEFAULT_RECTANGULAR_READER_LOOP.widthM, range: { min: 0, exclusiveMin: true }, help: 'Rectangular reader loop width (x, the axis offset angles are measured from), m: {default} [E] docs/sources.md#f3-1. Used when shape is rectangle.' },
    antennaLength: { kind: 'quantity', dimension: 'length', unit: 'mm', default: DEFAULT_RECTANGULAR_READER_LOOP.lengthM, range: { min: 0, exclusiveMin: true }, help: 'Rectangular reader loop length (y), m: {default} [E] docs/sources.md#f3-1. Used when shape is rectangle.' },
    driveCurrent: { kind: 'quantity', dimension: 'current', unit: 'A', default: DEFAULT_GATE_READER_ANTENNA.ampereTurnsA, range: { min: 0, exclusiveMin: true }, help: 'Loop drive N·I, A·turns: {default} [E] — 7.5 A/m (Class 1 Hmax, docs/sources.md#f1-2) at the loop centre.' },
    turns: { kind: 'count', default: DEFAULT_GATE_READER_ANTENNA.turns, min: 1, max: 100, help: 'Reader loop turns [E] docs/sources.md#f3-2 example: {default}.' },
    inductance: { kind: 'quantity', dimension: 'inductance', unit: 'uH', default: DEFAULT_GATE_READER_ANTENNA.inductanceH, range: { min: 0, exclusiveMin: true }, help: 'Reader loop inductance, H: {default} [E] docs/sources.md#f3-2 example.' },
    noise: { kind: 'quantity', dimension: 'voltage', unit: 'mV', default: DEFAULT_GATE_READER_ANTENNA.noiseRmsV, range: { min: 0, exclusiveMin: true }, help: 'Receiver noise referred to the antenna, V rms in the subcarrier bandwidth: {default} [E], calibrated so a median phone reads to ≈ 3.8 cm (docs/sources.md#f4-1/#f4-2); target [E]: a 9 cm² phone antenna (carriers[].antennaAreaCm2) is uplink-limited at its 4.2 cm powering edge.' },
    transactionTimeout: { kind: 'time', unit: 's', defaultNs: READER.transactionTimeoutNs, range: { min: 0, exclusiveMin: true }, help: 'Reader gives up this long after the first poll [E] (docs/sources.md#f5: transit budgets 300–400 ms, qPBOC ≤ 600 ms).' },
    typeBSlots: { kind: 'choice', options: [1, 2, 4, 8, 16], default: READER.typeBSlots, help: 'Type B anticollision slots N = 2^n [E] docs/sources.md#f2-2.' },
    bitRateKbps: { kind: 'choice', options: [106, 212, 424, 848], default: DEFAULT_ISO_DEP.bitRateKbps, help: 'Bit rate used after activation, kbit/s (docs/sources.md#f1-1).' },
  },
} as const satisfies BandSection;

/** The resolved `readers[].nfc` section (SI values, integer ns). */
type NfcSectionValues = SectionValues<typeof NFC_SECTION>;

/** What the band reads of a reader: its section and the reader-level 13.56 MHz fields. */
interface NfcReaderInput {
  nfc: NfcSectionValues | null;
  pollingPeriod: TimeNs;
  /** With more than one card in the field (scenario `multiCard`; `policy` emv/transit when absent). */
  multiCard?: MultiCardPolicy;
  policy?: CollisionPolicy;
}

/** What the band reads of a carrier. */
interface NfcCarrierInput {
  /** Antenna area, cm² (absent: the kind's default antenna). */
  antennaAreaCm2?: number;
  attenuationDb: number;
  attenuationSpreadDb: number;
  detuningKHz: number;
  cardType: 'A' | 'B';
  flow: string;
  /** A second card presented with the carrier (scenario `carriers[].extraCards`); default DEFAULT_EXTRA_CARDS. */
  extraCards?: ExtraCardsParams;
  /** The carrier's secure element (scenario default by kind, devices/carrier-kinds.ts); absent: the profile's. */
  secureElement?: SecureElementKind;
}

export interface NfcPrepared {
  params: NfcTapParams;
  /** The carrier population's spread (cards by default), drawn per tap; null: none. */
  spread: CarrierSpreadParams | null;
  /** `nfcActivationExchanges(params.carrier)`, built once with the pair. */
  activation: readonly Exchange[];
  extraCards: ExtraCardsParams;
}

const NFC_PROFILES: readonly NfcCarrierKind[] = ['nfc-phone', 'transit-card', 'emv-card'];

function nfcTapParams(reader: NfcReaderInput, n: NfcSectionValues, carrier: NfcCarrierInput, kind: NfcCarrierKind): NfcTapParams {
  const base = defaultNfcTapParams(kind);
  const couplingLossDb: Distribution =
    carrier.attenuationSpreadDb > 0
      ? { kind: 'normal', mean: carrier.attenuationDb, sd: carrier.attenuationSpreadDb, min: 0, max: carrier.attenuationDb + 4 * carrier.attenuationSpreadDb }
      : { kind: 'constant', value: carrier.attenuationDb };
  const typed = carrier.cardType === 'B' ? asTypeB(base.carrier) : base.carrier;
  const flow = apduFlowByName(carrier.flow);
  return {
    reader: {
      antenna: {
        ...base.reader.antenna,
        radiusM: n.antennaRadius,
        ...(n.shape === 'rectangle' ? { loop: { shape: 'rectangle' as const, widthM: n.antennaWidth, lengthM: n.antennaLength } } : {}),
        ampereTurnsA: n.driveCurrent,
        turns: n.turns,
        inductanceH: n.inductance,
        noiseRmsV: n.noise,
      },
      pollingPeriodNs: reader.pollingPeriod,
      policy: reader.multiCard !== undefined ? collisionPolicyOf(reader.multiCard) : (reader.policy ?? 'emv'),
      typeBSlots: n.typeBSlots,
      transactionTimeoutNs: n.transactionTimeout,
    },
    carrier: {
      ...typed,
      ...(carrier.antennaAreaCm2 === undefined ? {} : { antenna: { ...typed.antenna, areaM2: carrier.antennaAreaCm2 * 1e-4 } }),
      couplingLossDb,
      detuningHz: { kind: 'constant', value: carrier.detuningKHz * 1e3 },
      flow: flow.protocol === 'optical' ? typed.flow : flow,
      secureElement: carrier.secureElement === undefined ? typed.secureElement : secureElement(carrier.secureElement),
      isoDep: { ...typed.isoDep, bitRateKbps: n.bitRateKbps },
    },
  };
}

export const NFC_BAND: BandModel<NfcPrepared, typeof NFC_SECTION> = {
  id: '13.56MHz',
  label: '13.56 MHz',
  short: 'nfc',
  servedBy: 'reader',
  reference: false,
  readsEveryCarrier: false,
  section: NFC_SECTION,
  hearsBystanders: true,
  prepare(reader: BandReader, carrier: BandCarrier): NfcPrepared | null {
    const r = reader as BandReader & NfcReaderInput;
    const kind = carrier.profiles?.['13.56MHz'] as NfcCarrierKind | undefined;
    if (r.nfc === null || r.nfc === undefined || kind === undefined || !NFC_PROFILES.includes(kind)) return null;
    const c = carrier as BandCarrier & NfcCarrierInput;
    const params = nfcTapParams(r, r.nfc, c, kind);
    return { params, spread: carrierSpreadOf(kind, carrier as BandCarrier & CarrierSpreadInput), activation: nfcActivationExchanges(params.carrier), extraCards: c.extraCards ?? DEFAULT_EXTRA_CARDS };
  },
  // After the trajectory: a rectangular reader draws the offset direction and tilt axis (circles draw nothing
  // more), a spread population the carrier's sensitivity offset (nfc-card-spread.ts), then the other cards in
  // the field: the wallet's, the person behind's, the neighbours' (radio/nfc-field-cards.ts).
  tap(p, trajectory, around, rng) {
    const traj = p.params.reader.antenna.loop?.shape === 'rectangle' ? { ...trajectory, ...drawGestureAngles(rng) } : trajectory;
    const params = p.spread === null ? p.params : withCarrierSpread(p.params, p.spread, rng);
    const pays = otherCardsInField(params.reader.antenna, p.extraCards, traj, around, rng);
    return simulateNfcTap(params, traj, rng, { otherCardsInField: pays.length, otherCardPays: pays }, p.activation);
  },
};

/** The 13.56 MHz parameters of a prepared pair (devices/reader.ts TapPair), or null when it is not a 13.56 MHz pair. */
export function nfcTapParamsOf(pair: { readonly model: BandModel | null; readonly prepared: unknown }): NfcTapParams | null {
  return pair.model === NFC_BAND && pair.prepared !== null ? (pair.prepared as NfcPrepared).params : null;
}
