/**
 * Cross-field rules checked on the raw (merged, un-converted) document, so that they are
 * reported together with field errors: carrier shares sum to 1 (within 1e-9), unique ids (backend channels too),
 * gatelines reference defined readers, carrier mixes reference defined carriers and sum to 1,
 * the network's rules (cross-check-network.ts). Tolerates malformed input (field errors come from zod).
 */
import { didYouMean } from '../did-you-mean.js';
import { crossCheckNetwork, expandedStationIds } from './cross-check-network.js';

export function crossCheck(raw: unknown): Array<{ path: Array<string | number>; message: string; hint?: string }> {
  const issues: Array<{ path: Array<string | number>; message: string; hint?: string }> = [];
  const obj = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const idsOf = (list: unknown[], path: Array<string | number>, what: string): string[] => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const itemId = obj(item)?.['id'];
      if (typeof itemId !== 'string') return;
      const first = seen.get(itemId);
      if (first !== undefined) issues.push({ path: [...path, i, 'id'], message: `duplicate ${what} id "${itemId}" (first at ${path.join('.')}.${first})` });
      else seen.set(itemId, i);
    });
    return [...seen.keys()];
  };
  const sharesSumToOne = (shares: unknown[], path: Array<string | number>, what: string): void => {
    if (shares.length === 0 || !shares.every((s) => typeof s === 'number' && Number.isFinite(s))) return;
    const sum = (shares as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-9) issues.push({ path, message: `${what} shares sum to ${sum}, not 1 (within 1e-9)` });
  };
  const root = obj(raw);
  if (root === undefined) return issues;
  const carriers = arr(root['carriers']);
  const carrierIds = idsOf(carriers, ['carriers'], 'carrier');
  sharesSumToOne(carriers.map((c) => obj(c)?.['share']), ['carriers'], 'carrier');
  const readerIds = idsOf(arr(root['readers']), ['readers'], 'reader');
  idsOf(arr(obj(root['backend'])?.['channels']), ['backend', 'channels'], 'channel');
  const stations = arr(root['stations']);
  const stationIds = idsOf(stations, ['stations'], 'station');
  stations.forEach((st, i) => {
    const entrances = arr(obj(st)?.['entrances']);
    idsOf(entrances, ['stations', i, 'entrances'], 'entrance');
    entrances.forEach((en, j) => {
      const base = ['stations', i, 'entrances', j];
      const gatelines = arr(obj(en)?.['gatelines']);
      idsOf(gatelines, [...base, 'gatelines'], 'gateline');
      gatelines.forEach((gl, k) => {
        const reader = obj(gl)?.['reader'];
        if (typeof reader === 'string' && !readerIds.includes(reader)) {
          const hint = suggest(reader, readerIds);
          issues.push({ path: [...base, 'gatelines', k, 'reader'], message: `reader "${reader}" is not defined in readers (defined: ${readerIds.join(', ') || 'none'})`, ...(hint === undefined ? {} : { hint }) });
        }
      });
      const mix = obj(obj(en)?.['demand'])?.['carrierMix'];
      if (Array.isArray(mix)) {
        sharesSumToOne(mix.map((m) => obj(m)?.['share']), [...base, 'demand', 'carrierMix'], 'carrierMix');
        mix.forEach((m, k) => {
          const carrier = obj(m)?.['carrier'];
          if (typeof carrier === 'string' && !carrierIds.includes(carrier)) {
            const hint = suggest(carrier, carrierIds);
            issues.push({ path: [...base, 'demand', 'carrierMix', k, 'carrier'], message: `carrier "${carrier}" is not defined in carriers`, ...(hint === undefined ? {} : { hint }) });
          }
        });
      }
    });
  });
  idsOf(arr(obj(root['network'])?.['lines']), ['network', 'lines'], 'line');
  for (const issue of crossCheckNetwork(root['network'], expandedStationIds(stations), suggest)) issues.push(issue);
  return issues;
}

/** The closest candidate, quoted, or undefined (did-you-mean.ts). */
function suggest(word: string, candidates: readonly string[]): string | undefined {
  const best = didYouMean(word, candidates);
  return best === undefined ? undefined : `"${best}"`;
}
