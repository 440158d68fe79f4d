/**
 * A run folder's service-times.csv and gate-capacity.csv, read back for `tapsim export
 * service-times`: per gateline its capacity row and its distributions (quantile grids).
 * A folder that is not a finished run, or a run written before these files existed, is an
 * ExportInputError: one sentence naming the folder and the fix.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsv } from '../csv-read.js';
import { GATE_CAPACITY_COLUMNS, SERVICE_TIME_COLUMNS } from '../service-times-csv.js';

/** Bad input to `tapsim export` (exit 2, the message printed as is). */
export class ExportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportInputError';
  }
}

export interface ServiceDistribution {
  carrier: string;
  band: string;
  branch: string;
  n: number;
  share: number;
  meanS: number;
  /** [p, time_s] ascending in p: 0, 0.01, …, 1. */
  grid: Array<[number, number]>;
  /** The 100 slice means (slice_mean_s), s. */
  slices: number[];
}

export interface GatelineServiceTimes {
  gateline: string;
  visits: number;
  meanServiceS: number;
  capacityPerHPerGate: number;
  passShare: number;
  passesPerHPerGate: number;
  saturatedVisits: number;
  saturatedMeanS: number;
  saturatedPerHPerGate: number;
  /** The `all` distribution (every visit) first, then each (carrier, band, branch). */
  distributions: ServiceDistribution[];
}

async function readText(dir: string, file: string, fix: string): Promise<string> {
  try {
    return await readFile(join(dir, file), 'utf8');
  } catch {
    throw new ExportInputError(`${dir} holds no ${file}: ${fix}`);
  }
}

function table(text: string, file: string, columns: readonly string[]): Array<Record<string, string>> {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (e) {
    throw new ExportInputError(`${file} is not a CSV file (${(e as Error).message}); re-run the scenario to write it again`);
  }
  const head = rows[0] ?? [];
  if (columns.some((c, i) => head[i] !== c)) throw new ExportInputError(`${file} does not have the columns ${columns.join(',')}; re-run the scenario with this tapsim to write it again`);
  return rows.slice(1).filter((r) => r.length === columns.length).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]!])));
}

/** Every gateline of a run folder with its service-time distributions, in file order. */
export async function readServiceTimes(dir: string): Promise<GatelineServiceTimes[]> {
  await readText(dir, 'run.json', 'give a run folder (the folder `tapsim run` wrote, holding run.json), not a sweep or compare folder');
  const again = 'it was written by a tapsim without service times; run the scenario again with this tapsim (tapsim run <scenario> --out DIR)';
  const capacity = table(await readText(dir, 'gate-capacity.csv', again), 'gate-capacity.csv', GATE_CAPACITY_COLUMNS);
  const times = table(await readText(dir, 'service-times.csv', again), 'service-times.csv', SERVICE_TIME_COLUMNS);
  const lines = new Map<string, GatelineServiceTimes>();
  for (const r of capacity) {
    lines.set(r['gateline']!, {
      gateline: r['gateline']!,
      visits: Number(r['visits']),
      meanServiceS: Number(r['mean_service_s']),
      capacityPerHPerGate: Number(r['capacity_per_h_per_gate']),
      passShare: Number(r['pass_share']),
      passesPerHPerGate: Number(r['passes_per_h_per_gate']),
      saturatedVisits: Number(r['saturated_visits']),
      saturatedMeanS: Number(r['saturated_mean_s']),
      saturatedPerHPerGate: Number(r['saturated_per_h_per_gate']),
      distributions: [],
    });
  }
  const byKey = new Map<string, ServiceDistribution>();
  for (const r of times) {
    const line = lines.get(r['gateline']!);
    if (line === undefined) throw new ExportInputError(`service-times.csv names gateline ${r['gateline']} that gate-capacity.csv lacks; re-run the scenario to write both again`);
    const key = `${r['gateline']}|${r['carrier']}|${r['band']}|${r['branch']}`;
    let d = byKey.get(key);
    if (d === undefined) {
      d = { carrier: r['carrier']!, band: r['band']!, branch: r['branch']!, n: Number(r['n']), share: Number(r['share']), meanS: Number(r['mean_s']), grid: [], slices: [] };
      byKey.set(key, d);
      line.distributions.push(d);
    }
    d.grid.push([Number(r['p']), Number(r['time_s'])]);
    if (r['slice_mean_s'] !== '') d.slices.push(Number(r['slice_mean_s']));
  }
  const result = [...lines.values()].filter((l) => l.distributions.length > 0);
  if (result.length === 0) throw new ExportInputError(`${dir} has no visits at any gate after the warm-up (service-times.csv is empty); run a longer scenario or a shorter warm-up`);
  return result;
}

/**
 * 100 equally likely representative times: the mean of each 1 % slice by rank (slice_mean_s), so
 * their average is mean_s within the sketch's 0.0489 % (`exportNotes` states the difference).
 */
export function representativeTimesS(d: ServiceDistribution): number[] {
  return d.slices;
}
