/** The readers section: a reader configuration, referenced by gatelines. */
import { z } from 'zod';
import { READER_BANDS, readerSections, shownDefault, type ReaderSections } from './bands.js';
import type { Fields } from './fields.js';
import { NFC_READER_DEFAULTS } from '../../radio/nfc-band.js';

export function readerSchema(f: Fields) {
  const { id, timeNs } = f;
  const sections = readerSections(f);
  // One optional section per band of the registry (readers[].nfc, readers[].rcc, …); typed below from the registry.
  const sectionShape = Object.fromEntries(sections.map((s) => [s.key, s.schema.optional()])) as Record<never, never>;
  const pollingPeriod = shownDefault({ kind: 'time', unit: 'ms', defaultNs: NFC_READER_DEFAULTS.pollingPeriodNs, help: '' });
  return z
    .strictObject({
      id: id('Reader'),
      bands: z
        .array(z.enum(READER_BANDS))
        .min(1)
        .max(READER_BANDS.length)
        .superRefine((b, c) => {
          if (new Set(b).size !== b.length) c.addIssue({ code: 'custom', message: 'a band is listed twice' });
        })
        .describe(`Bands the reader serves, one or more of ${READER_BANDS.join(', ')} (13.56MHz and 2.45GHz together: the GB/T 33742 dual reader, docs/sources.md#f6-1).`),
      policy: z.enum(['emv', 'transit']).default('emv').describe('13.56 MHz multi-card policy: emv = no transaction with > 1 card [U] docs/sources.md#f2-3; transit = resolve ≥ 4 cards in turn (DB31/T 239 [S] docs/sources.md#f2-3).'),
      pollingPeriod: timeNs(`13.56 MHz time between polls (≥ the 5.1 ms field-on guard time [S] docs/sources.md#f1-2): ${pollingPeriod} [E].`, { min: 0.0051 }).prefault(pollingPeriod as string),
      ...sectionShape,
      dualBandPreference: z.enum(READER_BANDS).default('13.56MHz').describe('Band tried first when a dual-band carrier meets a dual-band reader.'),
    })
    .transform((r) => {
      // Parameters of a band the reader does not serve are kept in the file but unused, so that
      // `--set readers.0.bands=[13.56MHz]` and `tapsim compare --bands` can switch bands. A
      // reference band (ideal) leaves no trace in a reader that does not serve it (no `ideal: null`),
      // so adding one to the registry changes no existing scenario's resolved form or hash.
      const out: Record<string, unknown> = { ...r };
      for (const s of sections) {
        if (r.bands.includes(s.band)) out[s.key] = (r as Record<string, unknown>)[s.key] ?? s.schema.parse({});
        else if (s.reference) delete out[s.key];
        else out[s.key] = null;
      }
      return out as typeof r & ReaderSections;
    })
    .describe('A reader configuration, referenced by gatelines.');
}
