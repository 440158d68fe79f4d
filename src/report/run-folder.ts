/**
 * Reading a run folder for its report: run.json (whose type, RunJson, lives here: the report reads
 * it and orchestration writes it), scenario.resolved.json, summary.csv, summary-ci.csv,
 * latency.csv, gates.csv and backend.csv, aggregated over replications. Only the folder's own
 * files go in.
 */
import { join } from 'node:path';
import type { BuildInfo } from '../experiment/version.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { csvNumber, readCsvTable } from './csv-read.js';
import { meanSeries, unpack } from './mean-series.js';
import { readTextOptional } from './write.js';

export interface UntilCi {
  metric: string;
  /** Target relative half-width of the 95% CI, |half-width / mean|. */
  relativeHalfWidth: number;
}

export interface ReplicationFailure {
  replication: number;
  seed: number;
  message: string;
}

/** What every result file (run.json, sweep.json) says of the tool and the experiment it came from. */
export interface ResultStamp {
  tool: 'tapsim';
  version: string;
  /** Build id (git commit, or a hash of dist/), Node version and installed dependency versions. */
  build: string;
  node: string;
  dependencies: BuildInfo['dependencies'];
  scenario: { name: string; file: string | null; sha256: string };
  seed: number;
}

export interface RunJson extends ResultStamp {
  replications: number;
  workers: number;
  wallTimeS: number;
  events: number;
  /** SHA-256 over the replications' fingerprints in order (newline-joined). */
  fingerprint: string;
  failures: readonly ReplicationFailure[];
  untilCi?: ReadonlyArray<UntilCi & { achieved: number; met: boolean }>;
}

/** The folder cannot be re-rendered (no run.json, or its report files are damaged): the CLI turns this into exit 2. */
export class NotARunFolderError extends Error {
  constructor(
    readonly dir: string,
    message = `${dir} is not a tapsim run folder (no run.json)`,
  ) {
    super(message);
    this.name = 'NotARunFolderError';
  }
}


export interface CiRow {
  readonly metric: string;
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly halfWidth: number;
  readonly lower: number;
  readonly upper: number;
}

/** Per gateline, mean over replications per interval. */
export interface GatelineTrack {
  readonly key: string;
  readonly gates: number;
  /** Interval starts, s. */
  readonly tS: number[];
  readonly queueMean: number[];
  readonly waitP95S: number[];
  readonly ppmPerGate: number[];
}

export interface BackendTrack {
  readonly tS: number[];
  readonly offeredTps: number[];
  readonly servedTps: number[];
  /** Deferred taps checked locally (not host-bound); [] in folders written before the column existed. */
  readonly localChecksTps: number[];
  readonly hostUtilisation: number[];
  readonly p99ResponseMs: number[];
}

export interface LatencyCurve {
  readonly carrier: string;
  readonly band: string;
  readonly quantiles: { p: number; value: number }[];
}

/** What a run folder holds, as the report needs it. */
export interface RunFolderData {
  readonly runJson: RunJson;
  readonly scenario: ResolvedScenario | null;
  readonly ci: ReadonlyMap<string, CiRow>;
  /** Replications with a row in summary.csv. */
  readonly replications: number;
  readonly latency: LatencyCurve[] | null;
  readonly gatelines: GatelineTrack[] | null;
  readonly backend: BackendTrack | null;
  /** line-load.csv (scenarios with network.od) as one mean track per line; null without the file. */
  readonly lines: LineTrack[] | null;
}

/** One line's load over time, mean over replications (line-load.csv). */
export interface LineTrack {
  readonly key: string;
  /** Interval starts, s. */
  readonly tS: number[];
  /** Riders ÷ seats of the segment departures in the interval (NaN without departures). */
  readonly loadFactor: number[];
}

async function readOptional(path: string): Promise<string | null> {
  return readTextOptional(path);
}

/** summary-ci.csv by metric (empty without the file). */
function readCi(ciText: string | null): Map<string, CiRow> {
  const ci = new Map<string, CiRow>();
  if (ciText !== null) {
    const t = readCsvTable(ciText);
    const c = (name: string): number => t.col(name);
    for (const r of t.rows) {
      const metric = r[c('metric')] ?? '';
      ci.set(metric, {
        metric,
        n: csvNumber(r[c('n')]),
        mean: csvNumber(r[c('mean')]),
        sd: csvNumber(r[c('sd')]),
        halfWidth: csvNumber(r[c('ci95_half_width')]),
        lower: csvNumber(r[c('ci95_lower')]),
        upper: csvNumber(r[c('ci95_upper')]),
      });
    }
  }
  return ci;
}

/** latency.csv as one quantile curve per (carrier, band), in first-seen order. */
function readLatency(latencyText: string): LatencyCurve[] {
  const t = readCsvTable(latencyText);
  const byKey = new Map<string, LatencyCurve>();
  for (const r of t.rows) {
    const carrier = r[t.col('carrier')] ?? '';
    const band = r[t.col('band')] ?? '';
    const key = `${carrier}|${band}`;
    let curve = byKey.get(key);
    if (curve === undefined) byKey.set(key, (curve = { carrier, band, quantiles: [] }));
    curve.quantiles.push({ p: csvNumber(r[t.col('p')]), value: csvNumber(r[t.col('latency_ms')]) });
  }
  return [...byKey.values()];
}

/** gates.csv as one mean track per gateline. */
function readGatelines(gatesText: string): GatelineTrack[] {
  const gatesOf = new Map<string, number>();
  const series = meanSeries(gatesText, 'gateline', ['queue_mean', 'wait_p95_s', 'throughput_ppm_per_gate'], (key, row, col) => gatesOf.set(key, csvNumber(row[col('gates')])));
  return [...series].map(([key, byT]) => {
    const { tS, cols } = unpack(byT, 3);
    return { key, gates: gatesOf.get(key) ?? NaN, tS, queueMean: cols[0] ?? [], waitP95S: cols[1] ?? [], ppmPerGate: cols[2] ?? [] };
  });
}

/** line-load.csv as one mean track per line. */
function readLines(text: string): LineTrack[] {
  return [...meanSeries(text, 'line', ['load_factor'])].map(([key, byT]) => {
    const { tS, cols } = unpack(byT, 1);
    return { key, tS, loadFactor: cols[0] ?? [] };
  });
}

/** backend.csv as one mean track of all hosts. */
function readBackend(backendText: string): BackendTrack {
  const series = meanSeries(backendText, null, ['offered_tps', 'served_tps', 'host_utilisation', 'p99_response_ms', 'local_checks_tps']);
  const byT = series.get('');
  if (byT !== undefined) {
    const { tS, cols } = unpack(byT, 5);
    return { tS, offeredTps: cols[0] ?? [], servedTps: cols[1] ?? [], hostUtilisation: cols[2] ?? [], p99ResponseMs: cols[3] ?? [], localChecksTps: cols[4] ?? [] };
  }
  return { tS: [], offeredTps: [], servedTps: [], localChecksTps: [], hostUtilisation: [], p99ResponseMs: [] };
}

/** Read and aggregate a run folder. Throws NotARunFolderError without run.json. */
export async function loadRunFolder(dir: string, pending: { runJson?: string } = {}): Promise<RunFolderData> {
  const runText = pending.runJson ?? (await readOptional(join(dir, 'run.json')));
  if (runText === null) throw new NotARunFolderError(dir);
  const runJson = JSON.parse(runText) as RunJson;
  const scenarioText = await readOptional(join(dir, 'scenario.resolved.json'));
  const scenario = scenarioText === null ? null : (JSON.parse(scenarioText) as ResolvedScenario);
  const ci = readCi(await readOptional(join(dir, 'summary-ci.csv')));
  const summaryText = await readOptional(join(dir, 'summary.csv'));
  const replications = summaryText === null ? 0 : readCsvTable(summaryText).rows.length;
  const latencyText = await readOptional(join(dir, 'latency.csv'));
  const latency = latencyText === null ? null : readLatency(latencyText);
  const gatesText = await readOptional(join(dir, 'gates.csv'));
  const gatelines = gatesText === null ? null : readGatelines(gatesText);
  const backendText = await readOptional(join(dir, 'backend.csv'));
  const backend = backendText === null ? null : readBackend(backendText);
  const linesText = await readOptional(join(dir, 'line-load.csv'));
  const lines = linesText === null ? null : readLines(linesText);
  return { runJson, scenario, ci, replications, latency, gatelines, backend, lines };
}
