/**
 * service-times.csv and gate-capacity.csv: the time-at-the-gate sketches of every replication
 * (station/service-times.ts) merged exactly, written as a quantile grid per
 * (gateline, carrier, band, branch) with each branch's share, plus one `all` distribution per
 * gateline (every visit), and the gate capacity per gateline.
 */
import { QuantileSketch, type QuantileSketchData } from '../observe/quantile-sketch.js';
import { bucketMidpoint } from '../observe/sketch-key.js';
import { csvText } from './csv-text.js';
import { formatNumber } from './summary-csv.js';

export const SERVICE_TIME_COLUMNS = ['gateline', 'carrier', 'band', 'branch', 'n', 'share', 'mean_s', 'p', 'time_s', 'slice_mean_s'] as const;
export const GATE_CAPACITY_COLUMNS = ['gateline', 'visits', 'mean_service_s', 'capacity_per_h_per_gate', 'pass_share', 'passes_per_h_per_gate', 'saturated_visits', 'saturated_mean_s', 'saturated_per_h_per_gate'] as const;

/** Probabilities of the grid of a gateline's `all` distribution: 0 (min), 0.01, …, 0.99, 1 (max). */
export const SERVICE_TIME_PROBABILITIES: readonly number[] = Array.from({ length: 101 }, (_, i) => i / 100);
/** The coarser grid of each (carrier, band, branch): 0, 0.05, …, 1 (a city has thousands of them). */
export const BRANCH_PROBABILITIES: readonly number[] = Array.from({ length: 21 }, (_, i) => i / 20);

/** The key of every visit of a gateline merged (carrier, band and branch `all`). */
export const ALL = 'all';

/**
 * Mean of each of `slices` equally likely slices of the values by rank, (k/slices·n, (k+1)/slices·n],
 * a bucket's count shared between the slices it straddles, each value at its bucket's midpoint
 * clamped to [min, max] (as `quantile`): their average is the sketch's mean within 0.0489 %.
 */
export function sliceMeans(h: QuantileSketch, slices = 100): number[] {
  const sums = new Float64Array(slices);
  const per = h.count / slices;
  let rank = h.zeros; // zeros add nothing to the sums
  h.forEachBucket((key, count) => {
    const value = Math.min(h.max, Math.max(h.min, bucketMidpoint(key, h.mantissaBits)));
    let left = count;
    while (left > 0) {
      const k = Math.min(slices - 1, Math.floor(rank / per + 1e-12));
      const take = Math.min(left, (k + 1) * per - rank);
      sums[k] = sums[k]! + (k === slices - 1 ? left : take) * value;
      if (k === slices - 1) break;
      rank += take;
      left -= take;
    }
  });
  return Array.from(sums, (x) => x / per);
}

function mergeInto(into: Map<string, QuantileSketch>, key: string, h: QuantileSketch): void {
  const had = into.get(key);
  if (had === undefined) into.set(key, QuantileSketch.fromData(h.toData()));
  else had.merge(h);
}

export class ServiceTimeSketches {
  private readonly merged = new Map<string, QuantileSketch>();
  private readonly queued = new Map<string, QuantileSketch>();

  /** One replication's sketches (absent in results written before service times existed). */
  add(serviceTime: Readonly<Record<string, QuantileSketchData>> | undefined, queued: Readonly<Record<string, QuantileSketchData>> | undefined): void {
    for (const [key, data] of Object.entries(serviceTime ?? {})) mergeInto(this.merged, key, QuantileSketch.fromData(data, `the service-time sketch ${key}`));
    for (const [key, data] of Object.entries(queued ?? {})) mergeInto(this.queued, key, QuantileSketch.fromData(data, `the saturated service-time sketch ${key}`));
  }

  /** Per gateline: every visit; per (gateline, carrier, band): every branch (the shares' base). */
  private totals(): { lines: Map<string, QuantileSketch>; groups: Map<string, QuantileSketch>; passes: Map<string, number> } {
    const lines = new Map<string, QuantileSketch>();
    const groups = new Map<string, QuantileSketch>();
    const passes = new Map<string, number>();
    for (const [key, h] of this.merged) {
      const [gateline, carrier, band, branch] = key.split('|') as [string, string, string, string];
      mergeInto(lines, gateline, h);
      mergeInto(groups, `${gateline}|${carrier}|${band}`, h);
      if (branch === 'pass') passes.set(gateline, (passes.get(gateline) ?? 0) + h.count);
    }
    return { lines, groups, passes };
  }

  /** service-times.csv text: per gateline its `all` rows, then each key, sorted; times in s. */
  csv(): string {
    const rows: string[][] = [[...SERVICE_TIME_COLUMNS]];
    const { lines, groups } = this.totals();
    const grid = (probabilities: readonly number[], gateline: string, carrier: string, band: string, branch: string, h: QuantileSketch, base: number): void => {
      if (h.count === 0) return;
      const head = [gateline, carrier, band, branch, formatNumber(h.count), formatNumber(h.count / base), formatNumber(h.mean)];
      const slices = sliceMeans(h, probabilities.length - 1);
      probabilities.forEach((p, i) => rows.push([...head, formatNumber(p), formatNumber(h.quantile(p)), i < slices.length ? formatNumber(slices[i]!) : '']));
    };
    const keysByLine = new Map<string, string[]>();
    for (const key of [...this.merged.keys()].sort()) {
      const gateline = key.slice(0, key.indexOf('|'));
      keysByLine.set(gateline, [...(keysByLine.get(gateline) ?? []), key]);
    }
    for (const gateline of [...lines.keys()].sort()) {
      const all = lines.get(gateline)!;
      grid(SERVICE_TIME_PROBABILITIES, gateline, ALL, ALL, ALL, all, all.count);
      for (const key of keysByLine.get(gateline) ?? []) {
        const [, carrier, band, branch] = key.split('|') as [string, string, string, string];
        grid(BRANCH_PROBABILITIES, gateline, carrier, band, branch, this.merged.get(key)!, groups.get(`${gateline}|${carrier}|${band}`)!.count);
      }
    }
    return csvText(rows);
  }

  /** gate-capacity.csv text: one row per gateline, sorted. */
  capacityCsv(): string {
    const rows: string[][] = [[...GATE_CAPACITY_COLUMNS]];
    const { lines, passes } = this.totals();
    for (const gateline of [...lines.keys()].sort()) {
      const all = lines.get(gateline)!;
      if (all.count === 0) continue;
      const passShare = (passes.get(gateline) ?? 0) / all.count;
      const sat = this.queued.get(gateline);
      const satMean = sat !== undefined && sat.count > 0 ? sat.mean : NaN;
      rows.push([gateline, formatNumber(all.count), formatNumber(all.mean), formatNumber(3600 / all.mean), formatNumber(passShare), formatNumber((3600 * passShare) / all.mean), formatNumber(sat?.count ?? 0), formatNumber(satMean), formatNumber(3600 / satMean)]);
    }
    return csvText(rows);
  }
}
