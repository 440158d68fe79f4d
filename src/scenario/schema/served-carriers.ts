/**
 * A population nobody can serve: a carrier with a share at an entrance whose flow (entries, or
 * exits) reaches no gateline with a reader that serves one of the carrier's bands. The world
 * routes a passenger to the gatelines that accept their carrier (station/world/arrivals.ts) and,
 * where none does, lets them tap in vain (a "declined" tap, a failed passenger), so such a
 * scenario runs and reports a low success rate with no word why. This rule refuses it instead
 * (exit 2), naming the carrier, its bands and the readers; `compare --bands` uses it to mark a
 * configuration infeasible instead of ranking it.
 *
 * The band rule is the reader's own (devices/reader.ts bandFor: a band the carrier brings, an
 * optical QR code, is read everywhere; a reference band that reads every carrier, `ideal`, serves
 * every carrier).
 */
import { bandFor } from '../../devices/reader.js';
import { bandLabel } from '../../radio/bands.js';
import type { ResolvedScenario } from './index.js';

export interface UnservedCarrier {
  carrier: string;
  /** The carrier's index in `carriers` (for the location). */
  carrierIndex: number;
  /** A sentence naming the carrier, its bands, where it arrives and the readers there. */
  message: string;
}

type Flow = 'entries' | 'exits';

/** Every carrier with a share somewhere that no reader of a gateline its flow reaches serves; [] when all are served. */
export function unservedCarriers(s: ResolvedScenario): UnservedCarrier[] {
  const readers = new Map(s.readers.map((r) => [r.id, r]));
  const out: UnservedCarrier[] = [];
  s.carriers.forEach((carrier, ci) => {
    const places: string[] = [];
    const readerIds = new Set<string>();
    for (const station of s.stations) {
      for (const entrance of station.entrances) {
        const mix = entrance.demand.carrierMix;
        const share = mix === null ? carrier.share : (mix.find((m) => m.carrier === carrier.id)?.share ?? 0);
        if (!(share > 0)) continue;
        for (const flow of ['entries', 'exits'] as const satisfies readonly Flow[]) {
          const rates = flow === 'entries' ? entrance.demand.ratesPerHour : entrance.demand.exitRatesPerHour;
          if (!rates.some((r) => r > 0)) continue;
          const lines = entrance.gatelines.filter((g) => g.direction !== (flow === 'entries' ? 'out' : 'in'));
          if (lines.length === 0) continue; // nobody of this flow reaches a gate at all
          const served = lines.some((g) => {
            const reader = readers.get(g.reader);
            return reader !== undefined && bandFor(reader.bands, carrier.bands, reader.dualBandPreference) !== null;
          });
          if (served) continue;
          places.push(`${station.id}/${entrance.id} (${flow}, ${percent(share)})`);
          for (const g of lines) readerIds.add(g.reader);
        }
      }
    }
    if (places.length === 0) return;
    const shown = places.length > 3 ? `${places.slice(0, 3).join(', ')} and ${places.length - 3} more` : places.join(', ');
    const readerList = [...readerIds].map((id) => `"${id}" (${(readers.get(id)?.bands ?? []).map(bandLabel).join(' + ')})`).join(', ');
    out.push({
      carrier: carrier.id,
      carrierIndex: ci,
      message:
        `carrier "${carrier.id}" (${carrier.kind}: ${carrier.bands.map(bandLabel).join(' + ')}) arrives at ${shown}, but no reader of a gateline it can reach serves ` +
        `${carrier.bands.length > 1 ? 'any of its bands' : 'its band'}: reader${readerIds.size > 1 ? 's' : ''} ${readerList}; ` +
        `add one of its bands to a reader there (readers[].bands), or give "${carrier.id}" no share where it is not served`,
    });
  });
  return out;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}
