/** Carrier kinds, APDU flows, authorisation modes and gate types of scenario files. */
export const CARRIER_KINDS = ['nfc-phone', 'transit-card', 'emv-card', 'rcc-phone', 'dual-sim', 'qr'] as const;
export const FLOWS = ['qpboc', 'transit-epurse', 'mifare', 'qr'] as const;
export const AUTHORISATIONS = ['online', 'deferred', 'risk-based'] as const;
export const GATE_TYPES = ['flap', 'swing', 'tripod'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];
export type Flow = (typeof FLOWS)[number];
export type GateType = (typeof GATE_TYPES)[number];

/** Default APDU flow per carrier kind (FACTS §10; 2.45 GHz stays closed-loop, FACTS §5 policy outcome). */
export const DEFAULT_FLOW: Readonly<Record<CarrierKind, Flow>> = {
  'nfc-phone': 'qpboc',
  'transit-card': 'transit-epurse',
  'emv-card': 'qpboc',
  'rcc-phone': 'transit-epurse',
  'dual-sim': 'transit-epurse',
  qr: 'qr',
};
