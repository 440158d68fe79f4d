/** The readers section: a reader configuration, referenced by gatelines. */
import { z } from 'zod';
import { READER_BANDS, nfcReaderSchema, rccReaderSchema } from './bands.js';
import type { Fields } from './fields.js';

export function readerSchema(f: Fields) {
  const { id, timeNs } = f;
  const nfcSchema = nfcReaderSchema(f);
  const rccSchema = rccReaderSchema(f);
  return z
    .strictObject({
      id: id('Reader'),
      bands: z
        .array(z.enum(READER_BANDS))
        .min(1)
        .max(2)
        .superRefine((b, c) => {
          if (new Set(b).size !== b.length) c.addIssue({ code: 'custom', message: 'a band is listed twice' });
        })
        .describe('Bands the reader serves: 13.56MHz, 2.45GHz, or both (GB/T 33742 dual reader, FACTS §6.1).'),
      policy: z.enum(['emv', 'transit']).default('emv').describe('13.56 MHz multi-card policy: emv = no transaction with > 1 card [U] FACTS §2.3; transit = resolve ≥ 4 cards in turn (DB31/T 239 [S] FACTS §2.3).'),
      pollingPeriod: timeNs('13.56 MHz time between polls (≥ the 5.1 ms field-on guard time [S] FACTS §1.2): 20 ms [E].', { min: 0.0051 }).prefault('20 ms'),
      nfc: nfcSchema.optional(),
      rcc: rccSchema.optional(),
      dualBandPreference: z.enum(READER_BANDS).default('13.56MHz').describe('Band tried first when a dual-band carrier meets a dual-band reader.'),
    })
    .transform((r) => {
      const hasNfc = r.bands.includes('13.56MHz');
      const hasRcc = r.bands.includes('2.45GHz');
      // Parameters of a band the reader does not serve are kept in the file but unused, so that
      // `--set readers.0.bands=[13.56MHz]` and `tapsim compare --bands` can switch bands.
      return {
        ...r,
        nfc: hasNfc ? (r.nfc ?? nfcSchema.parse({})) : null,
        rcc: hasRcc ? (r.rcc ?? rccSchema.parse({})) : null,
      };
    })
    .describe('A reader configuration, referenced by gatelines.');
}
