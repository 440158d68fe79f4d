/** The carriers section: one kind of carrier in the passenger population. */
import { z } from 'zod';
import { AUTHORISATIONS, CARRIER_KINDS, DEFAULT_FLOW, FLOWS, defaultFlowsText } from './kinds.js';
import { CARRIER_KIND_TABLE } from '../../devices/carrier-kinds.js';
import { SECURE_ELEMENTS } from '../../link/secure-element.js';
import { CARRIER_BANDS, DEFAULT_ATTENUATION_DB, DEFAULT_ATTENUATION_SPREAD_DB, DEFAULT_DETUNING_KHZ, carrierBandFields } from './bands.js';
import { gestureSchema } from './gesture.js';
import { extraCardsSchema } from './bystanders.js';
import type { Fields } from './fields.js';

export function carrierSchema(f: Fields) {
  const { id, plain } = f;
  return z
    .strictObject({
      id: id('Carrier'),
      kind: z.enum(CARRIER_KINDS).describe(`Carrier type: ${CARRIER_KINDS.map((k) => CARRIER_KIND_TABLE[k].help).join(', ')}.`),
      share: plain('Share of the population carrying this carrier, 0..1; the shares of all carriers sum to 1.', { min: 0, max: 1 }),
      flow: z.enum(FLOWS).optional().describe(`APDU flow (docs/sources.md#f10). Default by kind: ${defaultFlowsText()}.`),
      secureElement: z.enum(SECURE_ELEMENTS).optional().describe(`Where the card application runs (src/link/secure-element.ts): card, sim-swp (SIM over SWP), ese (embedded SE) or hce (host card emulation); it costs the same on every band. Default by kind: ${CARRIER_KINDS.map((k) => `${k} ${CARRIER_KIND_TABLE[k].secureElement}`).join(', ')}.`),
      authorisation: z.enum(AUTHORISATIONS).default('deferred').describe('Host authorisation mode. Default deferred: transit validators never block the gate on the host [E] docs/sources.md#f9-2.'),
      ...carrierBandFields(f),
      gesture: gestureSchema(f).prefault({}),
      extraCards: extraCardsSchema(f).prefault({}),
    })
    .transform((c) => ({
      ...c,
      bands: CARRIER_BANDS[c.kind],
      flow: c.flow ?? DEFAULT_FLOW[c.kind],
      secureElement: c.secureElement ?? CARRIER_KIND_TABLE[c.kind].secureElement,
      attenuationDb: c.attenuationDb ?? DEFAULT_ATTENUATION_DB[c.kind],
      attenuationSpreadDb: c.attenuationSpreadDb ?? DEFAULT_ATTENUATION_SPREAD_DB[c.kind],
      detuningKHz: c.detuningKHz ?? DEFAULT_DETUNING_KHZ[c.kind],
    }))
    .describe('One kind of carrier in the passenger population.');
}
