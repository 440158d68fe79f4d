/**
 * The registry of bands: every band tapsim models, in the order tables, columns and comparisons
 * list them. A new band is one module under src/radio/ (a BandModel, band.ts) and one line here;
 * the scenario's band enums and reader sections, metric suffixes, report labels and
 * `tapsim compare --bands` follow from this list.
 */
import type { BandModel } from './band.js';
import type { Band } from './tap-outcome.js';
import { NFC_BAND } from './nfc-band.js';
import { RCC_BAND } from './rcc-band.js';
import { OPTICAL_BAND } from './optical.js';
import { IDEAL_BAND } from './ideal.js';

export const BAND_MODELS = [
  NFC_BAND,
  RCC_BAND,
  OPTICAL_BAND,
  IDEAL_BAND,
] as const satisfies readonly BandModel[];

/** The registry's models with their section types (the scenario's reader sections are typed from it). */
export type RegisteredBand = (typeof BAND_MODELS)[number];

/** Every band id, registry order. */
export const BANDS: readonly Band[] = BAND_MODELS.map((b) => b.id);

/** Bands a reader serves (readers[].bands), registry order. */
export const READER_BANDS: readonly Band[] = BAND_MODELS.filter((b) => b.servedBy === 'reader').map((b) => b.id);

/** The model of a band; throws on an id that is not in the registry. */
export function bandModel(id: Band): BandModel {
  const model = (BAND_MODELS as readonly BandModel[]).find((b) => b.id === id);
  if (model === undefined) throw new Error(`unknown band '${id}' (known: ${BANDS.join(', ')})`);
  return model;
}

/** The short name of a band (metric suffixes: success_rate_nfc); the id itself when unknown. */
export function bandShort(id: string): string {
  return BAND_MODELS.find((b) => b.id === id)?.short ?? id;
}

/** The label of a band for people ("2.45 GHz RCC"); the id itself when unknown. */
export function bandLabel(id: string): string {
  return BAND_MODELS.find((b) => b.id === id)?.label ?? id;
}
