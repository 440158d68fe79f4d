/**
 * The card population spread of the 13.56 MHz band (issue 17; physics/card-spread.ts): a carrier's
 * Hmin, coupling and tuning tolerances as scenario fields, and per tap one draw of the carrier's
 * sensitivity offset, applied to its Hmin (the powering threshold, docs/sources.md#f1-2).
 *
 * Limits [E]: the offset is drawn per tap, not per card, so a passenger's retry taps with a fresh draw;
 * it moves the powering threshold only (the uplink of an ID-1 card is not the limit at its powering
 * edge, nfc-link-budget.ts).
 */
import type { RandomStream } from '../random/stream.js';
import { normal } from '../random/distributions.js';
import { DEFAULT_CARD_SPREAD, drawCarrierSensitivityOffsetDb, NO_CARRIER_SPREAD, type CarrierSpreadParams } from '../physics/card-spread.js';
import type { NfcCarrierKind, NfcTapParams } from './nfc-params.js';

/** What the band reads of a carrier's spread fields (each absent: the default of its kind). */
export interface CarrierSpreadInput {
  hminSpreadDb?: number;
  couplingToleranceDb?: number;
  resonanceMeanKHz?: number;
  resonanceSpreadKHz?: number;
  resonanceLoadedQ?: number;
}

/** Cards spread by DEFAULT_CARD_SPREAD [E]; phones not (their spread is the coupling loss's, attenuationSpreadDb). */
export function carrierSpreadOf(kind: NfcCarrierKind, c: CarrierSpreadInput): CarrierSpreadParams | null {
  const d = kind === 'nfc-phone' ? NO_CARRIER_SPREAD : DEFAULT_CARD_SPREAD;
  const p: CarrierSpreadParams = {
    hminSigmaDb: c.hminSpreadDb ?? d.hminSigmaDb,
    couplingSigmaDb: c.couplingToleranceDb ?? d.couplingSigmaDb,
    resonanceMeanHz: c.resonanceMeanKHz === undefined ? d.resonanceMeanHz : c.resonanceMeanKHz * 1e3,
    resonanceSigmaHz: c.resonanceSpreadKHz === undefined ? d.resonanceSigmaHz : c.resonanceSpreadKHz * 1e3,
    loadedQ: c.resonanceLoadedQ ?? d.loadedQ,
  };
  return p.hminSigmaDb > 0 || p.couplingSigmaDb > 0 || p.resonanceSigmaHz > 0 ? p : null;
}

/** The tap's parameters with this carrier's Hmin moved by one sensitivity-offset draw (card-spread.ts). */
export function withCarrierSpread(params: NfcTapParams, spread: CarrierSpreadParams, rng: RandomStream): NfcTapParams {
  const offsetDb = drawCarrierSensitivityOffsetDb((mean, sd) => normal(rng, mean, sd), spread);
  const antenna = params.carrier.antenna;
  return { ...params, carrier: { ...params.carrier, antenna: { ...antenna, hminAPerM: antenna.hminAPerM * 10 ** (offsetDb / 20) } } };
}
