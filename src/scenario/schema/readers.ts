/** The readers section: a reader configuration, referenced by gatelines. */
import { z } from 'zod';
import { READER_BANDS, readerSections, shownDefault, type ReaderSections } from './bands.js';
import type { Fields } from './fields.js';
import { NFC_READER_DEFAULTS } from '../../radio/nfc-band.js';
import { MULTI_CARD_POLICIES, type MultiCardPolicy } from '../../radio/nfc-field-cards.js';

const multiCardOf = (policy: 'emv' | 'transit'): MultiCardPolicy => (policy === 'emv' ? 'refuse' : 'select');

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
      multiCard: z
        .enum(MULTI_CARD_POLICIES)
        .optional()
        .describe('13.56 MHz reader with more than one card in its field: refuse = no transaction, cause collision (payment terminals [U] docs/sources.md#f2-3); select = singulate one by anticollision and transact with it, possibly another card than the intended one (cause wrong-card; transit, DB31/T 239 [S] docs/sources.md#f2-3). Default: from policy, else refuse.'),
      policy: z.enum(['emv', 'transit']).optional().describe('Older name of multiCard, still read: emv = refuse, transit = select. Give one of the two.'),
      pollingPeriod: timeNs(`13.56 MHz time between polls (≥ the 5.1 ms field-on guard time [S] docs/sources.md#f1-2): ${pollingPeriod} [E].`, { min: 0.0051 }).prefault(pollingPeriod as string),
      ...sectionShape,
      dualBandPreference: z.enum(READER_BANDS).default('13.56MHz').describe('Band tried first when a dual-band carrier meets a dual-band reader.'),
    })
    .superRefine((r, c) => {
      if (r.multiCard !== undefined && r.policy !== undefined && r.multiCard !== multiCardOf(r.policy)) {
        c.addIssue({ code: 'custom', path: ['multiCard'], message: `multiCard '${r.multiCard}' contradicts policy '${r.policy}' (policy ${r.policy} means multiCard ${multiCardOf(r.policy)}); give multiCard only` });
      }
      // The LF thresholds nest (T1 start ≥ T3 abort ≥ T2 hear in field, so the distances ascend), docs/sources.md#f6-2.
      const lf = (r as Record<string, unknown>)['rcc'] as { triggerDistance: number; abortDistance: number; hearDistance: number } | null | undefined;
      if (lf != null && !(lf.triggerDistance <= lf.abortDistance && lf.abortDistance <= lf.hearDistance)) {
        const cm = (m: number): string => `${Math.round(m * 1e4) / 100} cm`;
        c.addIssue({ code: 'custom', path: ['rcc', 'triggerDistance'], message: `the LF distances must ascend, triggerDistance ≤ abortDistance ≤ hearDistance (docs/sources.md#f6-2); got ${cm(lf.triggerDistance)}, ${cm(lf.abortDistance)}, ${cm(lf.hearDistance)}: change one of them` });
      }
    })
    .transform((r) => {
      // Parameters of a band the reader does not serve are kept in the file but unused, so that
      // `--set readers.0.bands=[13.56MHz]` and `tapsim compare --bands` can switch bands. A
      // reference band (ideal) leaves no trace in a reader that does not serve it (no `ideal: null`),
      // so adding one to the registry changes no existing scenario's resolved form or hash.
      const multiCard = r.multiCard ?? (r.policy === undefined ? 'refuse' : multiCardOf(r.policy));
      const out: Record<string, unknown> = { ...r, multiCard, policy: multiCard === 'refuse' ? 'emv' : 'transit' };
      for (const s of sections) {
        if (r.bands.includes(s.band)) out[s.key] = (r as Record<string, unknown>)[s.key] ?? s.schema.parse({});
        else if (s.reference) delete out[s.key];
        else out[s.key] = null;
      }
      return out as Omit<typeof r, 'multiCard' | 'policy'> & { multiCard: MultiCardPolicy; policy: 'emv' | 'transit' } & ReaderSections;
    })
    .describe('A reader configuration, referenced by gatelines.');
}
