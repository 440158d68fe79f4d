/** Carrier kinds (from devices/carrier-kinds.ts), APDU flows, authorisation modes and gate types of scenario files. */
import { CARRIER_KIND_TABLE, CARRIER_KINDS as KINDS, type CarrierKind as Kind } from '../../devices/carrier-kinds.js';

export const CARRIER_KINDS = KINDS as readonly [Kind, ...Kind[]];
export const FLOWS = ['qpboc', 'transit-epurse', 'mifare', 'qr'] as const;
export const AUTHORISATIONS = ['online', 'deferred', 'risk-based'] as const;
export const GATE_TYPES = ['flap', 'swing', 'tripod'] as const;
export type CarrierKind = Kind;
export type Flow = (typeof FLOWS)[number];
export type GateType = (typeof GATE_TYPES)[number];

/** Default APDU flow per carrier kind (docs/sources.md#f10): it runs on whichever band carries the tap. */
export const DEFAULT_FLOW: Readonly<Record<CarrierKind, Flow>> = Object.fromEntries(KINDS.map((k) => [k, CARRIER_KIND_TABLE[k].flow])) as Record<CarrierKind, Flow>;

/** "nfc-phone/emv-card qpboc, …": the default flow of each kind, for help texts. */
export function defaultFlowsText(): string {
  const groups = new Map<Flow, CarrierKind[]>();
  for (const k of KINDS) groups.set(DEFAULT_FLOW[k], [...(groups.get(DEFAULT_FLOW[k]) ?? []), k]);
  return [...groups].map(([flow, kinds]) => `${kinds.join('/')} ${flow}`).join(', ');
}
