/**
 * The band-specific parts of the scenario schema, all from the band registry
 * (src/radio/bands.ts) and the carrier-kind table (src/devices/carrier-kinds.ts): the reader band
 * enum, the carriers' bands and per-kind 13.56 MHz defaults, one reader section per band (built from
 * the band's field specifications, defaults shown from the model constants), the carriers' band fields.
 */
import { z } from 'zod';
import { BAND_MODELS, READER_BANDS as REGISTRY_READER_BANDS, type RegisteredBand } from '../../radio/bands.js';
import type { BandField, BandSection, SectionValues, ShownUnit } from '../../radio/band.js';
import { toMs, toS } from '../../units.js';
import { DEFAULT_LF_FIELD } from '../../physics/lf-field.js';
import { CARRIER_KIND_TABLE } from '../../devices/carrier-kinds.js';
import type { Band } from '../../radio/tap-outcome.js';
import type { CarrierKind } from './kinds.js';
import type { Fields } from './fields.js';

/** Bands a reader may serve (registry order), as a zod enum needs them. */
export const READER_BANDS = REGISTRY_READER_BANDS as readonly [Band, ...Band[]];
export type ReaderBand = Band;
export type CarrierBand = Band;

const byKind = <T>(pick: (k: (typeof CARRIER_KIND_TABLE)[CarrierKind]) => T): Readonly<Record<CarrierKind, T>> =>
  Object.fromEntries(Object.entries(CARRIER_KIND_TABLE).map(([kind, row]) => [kind, pick(row)])) as Record<CarrierKind, T>;

/** Bands each carrier kind can use (docs/architecture.md#model). */
export const CARRIER_BANDS: Readonly<Record<CarrierKind, readonly CarrierBand[]>> = byKind((k) => k.bands);
/** Default 13.56 MHz coupling-area attenuation by kind, dB (devices/carrier-kinds.ts). */
export const DEFAULT_ATTENUATION_DB: Readonly<Record<CarrierKind, number>> = byKind((k) => k.attenuationDb);
/** Per-handset spread of that attenuation, dB (σ). */
export const DEFAULT_ATTENUATION_SPREAD_DB: Readonly<Record<CarrierKind, number>> = byKind((k) => k.attenuationSpreadDb);
/** Resonance shift of the carrier's antenna by the phone's metal and battery, kHz. */
export const DEFAULT_DETUNING_KHZ: Readonly<Record<CarrierKind, number>> = byKind((k) => k.detuningKHz);

/** The carrier fields of the bands (13.56 MHz coupling, QR scan, 2.45 GHz body and LF losses). */
export function carrierBandFields(f: Fields) {
  const { plain } = f;
  return {
    attenuationDb: plain('13.56 MHz coupling-area attenuation of the phone body, dB. Default by kind: phones 4, cards 0 [E] docs/sources.md#f4-2 (0–10 dB, 3–6 typical).', { min: 0, max: 40 }).optional(),
    attenuationSpreadDb: plain('Standard deviation of attenuationDb across handsets, dB. Default by kind: phones 2, cards 0 [E] (no value in docs/sources.md).', { min: 0 }).optional(),
    detuningKHz: plain('13.56 MHz resonance shift by the phone body, kHz. Default by kind: phones 200, cards 0 [E] docs/sources.md#f4-2.', { min: 0, max: 5000 }).optional(),
    antennaAreaCm2: plain('13.56 MHz antenna area of the carrier, cm² (the uplink SNR goes with its 4th power; powering does not depend on it). Default by kind: phones 15, cards 24 [E] docs/sources.md#f3-2 / #f4-2. With the default reader noise a 9 cm² phone antenna is uplink-limited at its 4.2 cm powering edge (src/radio/nfc-uplink.test.ts).', { min: 0.1, max: 200 }).optional(),
    hminSpreadDb: plain('σ of the carrier\'s Hmin across the population, dB, drawn per tap. Default by kind: cards 1.5, phones 0 [E] (src/physics/card-spread.ts; no measured spread found).', { min: 0, max: 20 }).optional(),
    couplingToleranceDb: plain('σ of the carrier\'s coupling (antenna area, placement) across the population, dB, drawn per tap. Default by kind: cards 1, phones 0 (their spread is attenuationSpreadDb) [E] (src/physics/card-spread.ts).', { min: 0, max: 20 }).optional(),
    resonanceMeanKHz: plain('Mean resonance of the carrier\'s antenna, kHz (its nominal tuning is in Hmin; only the spread around it moves the field). Default 16000 [D from S-weak] (src/physics/card-spread.ts).', { min: 1000, max: 100000 }).optional(),
    resonanceSpreadKHz: plain('σ of the carrier\'s resonance, kHz, drawn per tap. Default by kind: cards 460 (15.2–16.8 MHz), phones 0 [D from S-weak] (src/physics/card-spread.ts).', { min: 0, max: 10000 }).optional(),
    resonanceLoadedQ: plain('Loaded Q of the carrier\'s resonance for the tuning spread. Default 5 [E] (range 3–10, src/physics/card-spread.ts).', { min: 0.5, max: 100 }).optional(),
    cardType: z.enum(['A', 'B']).default('A').describe('ISO/IEC 14443 type of the carrier (docs/sources.md#f2-1/#f2-2).'),
    qrScanFailure: plain('Probability that one QR scan fails (glare, cracked screen) [E] (no value in docs/sources.md).', { min: 0, max: 1 }).default(0.03),
    bodyLossDb: plain('2.45 GHz body loss, phone in hand or pocket, mean dB [E] docs/sources.md#f7-5 / #f11-7 (3–10 dB).', { min: 0 }).default(6.5),
    bodyLossSpreadDb: plain('2.45 GHz body loss standard deviation, dB [E] docs/sources.md#f7-5 (σ 3–5 dB).', { min: 0 }).default(4),
    lfAttenuationDb: plain('Per-handset LF attenuation mean for RCC distance control, dB (positive = the handset wakes closer than the nominal one) [E] docs/sources.md#f11-3d: 0.', { min: -40, max: 40 }).default(DEFAULT_LF_FIELD.handsetOffsetMeanDb),
    lfAttenuationSpreadDb: plain('Per-handset LF attenuation spread for RCC distance control, dB: N(0, σ) [E] docs/sources.md#f6-4 / #f11-3d.', { min: 0 }).default(DEFAULT_LF_FIELD.handsetSpreadSigmaDb),
  };
}

/** Size of each shown unit in the SI unit of its dimension. */
const SHOWN_UNITS: Readonly<Record<ShownUnit, number>> = { m: 1, cm: 1e-2, mm: 1e-3, A: 1, V: 1, mV: 1e-3, H: 1, uH: 1e-6, Hz: 1, kHz: 1e3, MHz: 1e6, dBm: 1 };

/** A field's default as a scenario file would write it: "50 mm", "1 s", 4, true. */
export function shownDefault(f: BandField): string | number | boolean {
  // 12 significant digits undo the float noise of the scaling (0.07 m → 7.000000000000001 cm); the
  // band tests parse every shown default back and check it equals the constant.
  const shown = (value: number, unit: string): string => `${Number(value.toPrecision(12))} ${unit}`;
  if (f.kind === 'quantity') return shown(f.default / SHOWN_UNITS[f.unit], f.unit);
  if (f.kind === 'time') return shown(f.unit === 's' ? toS(f.defaultNs) : toMs(f.defaultNs), f.unit);
  return f.default;
}

/** A field's help with `{default}` replaced by the shown default. */
function helpOf(field: BandField): string {
  return field.help.replace('{default}', String(shownDefault(field)));
}

/** The zod field of one band parameter, with its default as shown from the model constant. */
function bandFieldSchema(f: Fields, field: BandField) {
  const help = helpOf(field);
  switch (field.kind) {
    case 'quantity':
      return f.si(field.dimension, help, field.range).prefault(shownDefault(field) as string);
    case 'time':
      return f.timeNs(help, field.range).prefault(shownDefault(field) as string);
    case 'count':
      return f.count(help, field.min, field.max).default(field.default);
    case 'number':
      return f.plain(help, field.range).default(field.default);
    case 'boolean':
      return z.boolean().default(field.default).describe(help);
    case 'choice': {
      const options = field.options;
      if (options.every((o) => typeof o === 'number')) {
        const literals = options.map((o) => z.literal(o)) as unknown as [z.ZodLiteral<number>, z.ZodLiteral<number>, ...z.ZodLiteral<number>[]];
        return z.union(literals).default(field.default as number).describe(help);
      }
      return z.enum(options.map(String) as [string, ...string[]]).default(String(field.default)).describe(help);
    }
  }
}

/** The schema of one band's reader section. */
export function readerSectionSchema(f: Fields, section: BandSection) {
  const shape = Object.fromEntries(Object.entries(section.fields).map(([key, field]) => [key, bandFieldSchema(f, field)]));
  return z.strictObject(shape).describe(section.help);
}

type SectionOf<M> = M extends { section: infer S } ? (S extends BandSection ? S : never) : never;
/** The resolved reader sections, typed from the registry: `nfc`, `rcc`, … (null when the reader does not serve the band). */
export type ReaderSections = { readonly [S in SectionOf<RegisteredBand> as S['key']]: SectionValues<S> | null };

/** Every band that has a reader section, with its schema (registry order). */
export function readerSections(f: Fields): Array<{ band: Band; key: string; reference: boolean; schema: ReturnType<typeof readerSectionSchema> }> {
  return BAND_MODELS.flatMap((b) => (b.section === null ? [] : [{ band: b.id, key: b.section.key, reference: b.reference, schema: readerSectionSchema(f, b.section) }]));
}
