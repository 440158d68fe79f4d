/**
 * The carrier kinds, one row each: the bands a kind can use, its default APDU flow and
 * 13.56 MHz handset terms, and its profile per band (which default carrier of a band model it
 * is). A new carrier kind is one row here; the scenario's `carriers[].kind` enum, help texts and
 * defaults follow from this table.
 */
import type { Band } from '../radio/tap-outcome.js';
import type { SecureElementKind } from '../link/secure-element.js';

export interface CarrierKindInfo {
  /** For the scenario's help text: "NFC phone (HCE/SIM/eSE)". */
  help: string;
  /** Bands the kind can use, the first being its own (labels a declined tap) (docs/architecture.md#model). */
  bands: readonly Band[];
  /** Default APDU flow (docs/sources.md#f10): the flow that runs on whichever band carries the tap (link/flow-run.ts). */
  flow: 'qpboc' | 'transit-epurse' | 'mifare' | 'qr';
  /** Default 13.56 MHz coupling-area attenuation, dB: phones 4 (0–10, 3–6 typical) [E] docs/sources.md#f4-2, calibrated to a ≈ 3.8 cm median read range; cards 0. */
  attenuationDb: number;
  /** Per-handset spread of that attenuation, dB (σ): phones 2 [E], cards 0. */
  attenuationSpreadDb: number;
  /** Resonance shift of the carrier's antenna by the phone's metal and battery, kHz: phones 200 [E] docs/sources.md#f4-2; cards 0. */
  detuningKHz: number;
  /**
   * Default secure element (link/secure-element.ts): cards their own chip; an NFC phone HCE — the one
   * measured phone tap in docs/sources.md#f10-2 (Google Pay) is HCE [E]; RF-SIM and dual-band SIM phones a SIM (sim-swp).
   */
  secureElement: SecureElementKind;
  /** Band id → the band model's default carrier for this kind (radio/nfc-params.ts NfcCarrierKind for 13.56 MHz). */
  profiles: Readonly<Record<Band, string>>;
}

const PHONE = { attenuationDb: 4, attenuationSpreadDb: 2, detuningKHz: 200 } as const;
const CARD = { attenuationDb: 0, attenuationSpreadDb: 0, detuningKHz: 0 } as const;

export const CARRIER_KIND_TABLE = {
  'nfc-phone': { help: 'NFC phone (HCE/SIM/eSE)', bands: ['13.56MHz'], flow: 'qpboc', secureElement: 'hce', ...PHONE, profiles: { '13.56MHz': 'nfc-phone' } },
  'transit-card': { help: 'transit card', bands: ['13.56MHz'], flow: 'transit-epurse', secureElement: 'card', ...CARD, profiles: { '13.56MHz': 'transit-card' } },
  'emv-card': { help: 'EMV bank card', bands: ['13.56MHz'], flow: 'qpboc', secureElement: 'card', ...CARD, profiles: { '13.56MHz': 'emv-card' } },
  'rcc-phone': { help: 'RF-SIM phone (2.45 GHz RCC)', bands: ['2.45GHz'], flow: 'transit-epurse', secureElement: 'sim-swp', ...PHONE, profiles: { '13.56MHz': 'nfc-phone' } },
  'dual-sim': { help: 'dual-band SIM', bands: ['13.56MHz', '2.45GHz'], flow: 'transit-epurse', secureElement: 'sim-swp', ...PHONE, profiles: { '13.56MHz': 'nfc-phone' } },
  qr: { help: 'QR code (optical)', bands: ['optical'], flow: 'qr', secureElement: 'card', ...CARD, profiles: {} },
} as const satisfies Readonly<Record<string, CarrierKindInfo>>;

export type CarrierKind = keyof typeof CARRIER_KIND_TABLE;

/** Every carrier kind, table order. */
export const CARRIER_KINDS = Object.keys(CARRIER_KIND_TABLE) as readonly CarrierKind[];

/** The row of a kind; throws on a kind not in the table. */
export function carrierKind(kind: string): CarrierKindInfo {
  const info = (CARRIER_KIND_TABLE as Readonly<Record<string, CarrierKindInfo>>)[kind];
  if (info === undefined) throw new Error(`unknown carrier kind '${kind}' (known: ${CARRIER_KINDS.join(', ')})`);
  return info;
}
