/**
 * Parameters of the 13.56 MHz band model: the reader, the carrier and their gate defaults [E]
 * (docs/architecture.md#model; values cited where they are set).
 */
import type { Distribution } from '../random/distributions.js';
import { DEFAULT_GATE_READER_ANTENNA, DEFAULT_ID1_CARD_ANTENNA, DEFAULT_PHONE_ANTENNA, type CarrierAntennaParams, type ReaderAntennaParams } from '../physics/nfc-link-budget.js';
import { DEFAULT_TYPE_A_ACTIVATION, type TypeAActivationOptions } from '../link/activation.js';
import type { CollisionPolicy } from '../link/anticollision/type-a.js';
import { qpbocFlow, transitEpurseFlow, type ApduFlow } from '../link/apdu-flows.js';
import { DEFAULT_ISO_DEP, type IsoDepParams } from '../link/iso-dep.js';
import { secureElement, type SecureElementParams } from '../link/secure-element.js';
import { TR0_B_MAX_CYCLES, TR1_B_MIN_CYCLES } from '../link/iso14443.js';
import { ms, type TimeNs } from '../units.js';

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
  /** Where the card application runs and what it costs per APDU (link/secure-element.ts). */
  secureElement: SecureElementParams;
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

const constant = (value: number): Distribution => ({ kind: 'constant', value });

/** Gate reader defaults [E]. */
export function defaultNfcReader(policy: CollisionPolicy): NfcReaderParams {
  return {
    antenna: DEFAULT_GATE_READER_ANTENNA, // [E] docs/sources.md#f1-2, #f3-1 (calibrated; see nfc-link-budget.ts)
    pollingPeriodNs: ms(20), // [E] no value in docs/sources.md; ≥ the 5.1 ms guard of docs/sources.md#f1-2
    policy, // [U] docs/sources.md#f2-3 (payment: no transaction with > 1 card; transit may resolve)
    typeBSlots: 4, // [E] docs/sources.md#f2-2 (N = 2^n, n = 0…4)
    transactionTimeoutNs: ms(1000), // [E] docs/sources.md#f5 (transit budgets ≤ 300–400 ms; qPBOC ≤ 500–600 ms)
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
          // [E] docs/sources.md#f4-2: 0–10 dB, 3–6 typical; median 4 dB, per-handset spread σ 2 dB. With the 200 kHz detuning
          // (−3.1 dB at Q 35) the median phone reaches Hmin at 4.15 cm on axis, and with the default gesture
          // (offset σ 1.5 cm, tilt σ 12°) success falls to 50 % at ≈ 3.75 cm dwell height — calibrated to docs/sources.md#f4-1/#f4-2 (3.5–4 cm).
          couplingLossDb: { kind: 'normal', mean: 4, sd: 2, min: 0, max: 10 },
          detuningHz: constant(200e3), // [E] docs/sources.md#f4-2 detuning term (metal body, battery)
          flow: qpbocFlow(2),
          secureElement: secureElement('hce'), // devices/carrier-kinds.ts: the phone measured in docs/sources.md#f10-2 (Google Pay) is HCE
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
          couplingLossDb: constant(0), // [E] docs/sources.md#f4-2 (no phone body)
          detuningHz: constant(0), // [E] docs/sources.md#f3-3 (Hmin of the class already includes the card's own tuning)
          flow: qpbocFlow(2),
          secureElement: secureElement('card'),
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
          couplingLossDb: constant(0), // [E] docs/sources.md#f4-2
          detuningHz: constant(0), // [E] docs/sources.md#f3-3
          flow: transitEpurseFlow(),
          secureElement: secureElement('card'),
          isoDep: { ...DEFAULT_ISO_DEP, fwi: 6 }, // [E] docs/sources.md#f1-3 (19.3 ms; no RSA on transit cards)
          activation: DEFAULT_TYPE_A_ACTIVATION,
        },
      };
  }
}

/** Type B defaults for a carrier: FDT = TR0 + TR1 (docs/sources.md#f1-3). */
export function asTypeB(c: NfcCarrierParams): NfcCarrierParams {
  return {
    ...c,
    cardType: 'B',
    antenna: { ...c.antenna, uplinkModulation: 'bpsk' },
    isoDep: { ...c.isoDep, cardType: 'B', fdtCycles: TR0_B_MAX_CYCLES + TR1_B_MIN_CYCLES },
  };
}
