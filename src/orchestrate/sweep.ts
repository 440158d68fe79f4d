/**
 * `tapsim sweep`: a full factorial over `--vary path=a,b,c|start:stop:step` (first --vary varies
 * slowest). Every point runs the same seed and replication indices, so passenger streams, keyed
 * by (seed, replication, entity), are common random numbers across points. Jobs (point,
 * replication) run through a work folder (shard.ts): sharding and --resume come with it. When
 * every job is there, the folder is rebuilt atomically as: sweep.json, sweep.csv (one row per
 * point: values, mean and 95% CI half-width per metric), sweep-summary.csv (point × replication),
 * scenario.resolved.json (the base scenario), columns.md; sweep.json last, so a folder holding it
 * is complete. `--resume` on a folder that already holds this finished sweep runs nothing.
 */
import { canonicalJson, loadScenario, sha256, type LoadedScenario, type Override } from '../scenario/load.js';
import { ScenarioError } from '../scenario/errors.js';
import { writeFolderAtomic, type FolderWriter } from '../report/write.js';
import { PARQUET_NOTE, wantsParquet, writeParquetCopies } from '../report/parquet.js';
import { PointTablesWriter, type PointTiming } from '../report/point-tables.js';
import { readSweepJobs, type SweepRow } from './sweep-jobs.js';
import { writeExperimentReport } from '../report/experiment-report.js';
import { columnsMarkdown, keyedSummaryCsv, sweepCsv } from '../report/csv.js';
import { formatNumber } from '../report/write.js';
import { createPool, type OrderedProgress, type ReplicationPool } from '../experiment/pool.js';
import { summarize, type Summary } from '../experiment/stats.js';
import { ExperimentInputError, inShard, jobFileName, locateJobs, readFinishedResult, readJob, runWorkFolder, workFlags, type JobSource, type Manifest, type ReadJobOptions, type Shard, type WorkFailure, type WorkPoint } from './shard.js';
import { metricNames } from './run-scenario.js';
import { buildInfo } from '../experiment/version.js';
import type { ResultStamp } from '../report/run-folder.js';

export interface VarySpec {
  path: string;
  values: string[];
}

/** Most values of one --vary. */
export const MAX_VALUES = 10_000;
/** Most points of a sweep (the product of the --vary value counts): each is loaded and kept. */
export const MAX_POINTS = 10_000;
/** Most jobs (points × replications) of a sweep. */
export const MAX_JOBS = 1_000_000;
/** Most memory the resolved scenarios of all points may take, estimated as their JSON size, bytes. */
export const MAX_POINTS_BYTES = 500_000_000;

/** Parse one --vary: `path=a,b,c` (YAML scalars, as for --set) or `path=start:stop:step` (numbers, stop included); `path1+path2=…` sets both to each value. */
export function parseVary(text: string): VarySpec | { error: string } {
  const eq = text.indexOf('=');
  if (eq <= 0) return { error: `expected path=a,b,c or path=start:stop:step (got "${text}")` };
  const path = text.slice(0, eq).trim();
  const rhs = text.slice(eq + 1).trim();
  if (rhs === '') return { error: `no values after "=" in "${text}"` };
  const range = /^(-?[\d.eE+-]+):(-?[\d.eE+-]+):(-?[\d.eE+-]+)$/.exec(rhs);
  if (range !== null) {
    const [start, stop, step] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (![start, stop, step].every(Number.isFinite)) return { error: `start:stop:step must be numbers (got "${rhs}")` };
    if (step === 0 || (stop - start) / step < 0) return { error: `step ${step} does not go from ${start} to ${stop}` };
    const count = Math.floor((stop - start) / step + 1e-9) + 1;
    if (count > MAX_VALUES) return { error: `${path}=${rhs} gives ${count} values; one --vary takes at most ${MAX_VALUES}: use a larger step` };
    const values = Array.from({ length: count }, (_, i) => formatNumber(Number((start + i * step).toPrecision(12))));
    return { path, values };
  }
  const values = rhs.split(',').map((v) => v.trim());
  if (values.length > MAX_VALUES) return { error: `${path} lists ${values.length} values; one --vary takes at most ${MAX_VALUES}: list fewer` };
  if (values.some((v) => v === '')) return { error: `empty value in "${rhs}"` };
  if (new Set(values).size !== values.length) return { error: `a value is listed twice in "${rhs}"` };
  return { path, values };
}

/** Why a sweep over `vary` has too many points (checked on the flags, before anything is loaded), or undefined. */
export function sweepPointsProblem(vary: readonly VarySpec[]): string | undefined {
  let points = 1;
  for (const v of vary) points *= v.values.length;
  if (points <= MAX_POINTS) return undefined;
  const counts = vary.map((v) => v.values.length).join(' × ');
  return `${counts} = ${points} points; a sweep has at most ${MAX_POINTS} points: vary fewer values (a larger step), or run several sweeps over parts of the range`;
}

/**
 * Why a sweep over `vary` from `base` has too many jobs or would not fit in memory (checked after
 * the base scenario is loaded, before the points are), or undefined. Jobs count exactly: only the
 * path `replications` changes a point's replications.
 */
export function sweepJobsProblem(vary: readonly VarySpec[], base: { replications: number }, scenarioBytes: number): string | undefined {
  let points = 1;
  let jobsPerPoint = base.replications;
  for (const v of vary) {
    points *= v.values.length;
    if (v.path === 'replications') {
      const reps = v.values.map(Number);
      if (!reps.every((r) => Number.isInteger(r) && r > 0)) return undefined; // loading the point says what is wrong
      jobsPerPoint = reps.reduce((a, b) => a + b, 0) / v.values.length;
    }
  }
  const jobs = Math.round(points * jobsPerPoint);
  if (jobs > MAX_JOBS) return `${points} points × ${jobsPerPoint === base.replications ? `${base.replications} replications` : `${jobsPerPoint} replications on average`} = ${jobs} jobs; a sweep has at most ${MAX_JOBS} jobs: vary fewer values, or give fewer --replications`;
  const bytes = points * scenarioBytes;
  if (bytes > MAX_POINTS_BYTES) {
    const mb = (b: number): string => `${(b / 1e6).toFixed(b < 1e7 ? 2 : 0)} MB`;
    return `${points} points × ${mb(scenarioBytes)} per resolved scenario = ${mb(bytes)} held in memory; a sweep holds at most ${mb(MAX_POINTS_BYTES)}: vary fewer values, or run several sweeps over parts of the range`;
  }
  return undefined;
}

/** Every combination of the values, first spec varying slowest. */
export function factorial(vary: readonly VarySpec[]): string[][] {
  let points: string[][] = [[]];
  for (const v of vary) points = points.flatMap((p) => v.values.map((x) => [...p, x]));
  return points;
}

/** Load the scenario at every point (base overrides, then the point's). Bad values → ScenarioError naming --vary. */
export async function loadPoints(file: string, base: readonly Override[], vary: readonly VarySpec[]): Promise<WorkPoint[]> {
  const points: WorkPoint[] = [];
  for (const values of factorial(vary)) {
    // A path "a+b" ties parameters: every one of them takes the point's value (e.g. one wallet probability for several carriers).
    const overrides = [...base, ...vary.flatMap((v, i) => v.path.split('+').map((path) => ({ path: path.trim(), value: values[i] as string, source: `--vary ${v.path}=${values[i] as string}` })))];
    const loaded = await loadScenario(file, { overrides });
    points.push({ values, scenario: loaded.scenario, sha256: loaded.hash });
  }
  return points;
}

export interface SweepOptions {
  outDir: string;
  scenarioFile: string | null;
  vary: readonly VarySpec[];
  points: readonly WorkPoint[];
  workers?: number;
  inThread?: boolean;
  pool?: ReplicationPool;
  shard?: Shard;
  resume?: boolean;
  /** Resume a folder started by another version or build. */
  allowVersionMix?: boolean;
  /** Test-only fault hook (test-faults.ts): these replication indices throw in the worker. */
  failReplications?: readonly number[];
  signal?: AbortSignal;
  onProgress?: (p: OrderedProgress) => void;
  now?: () => number;
}

export interface SweepJson extends ResultStamp {
  vary: readonly VarySpec[];
  points: number;
  jobs: number;
  workers: number;
  wallTimeS: number;
  events: number;
  fingerprint: string;
  failures: readonly WorkFailure[];
}

export interface SweepOutcome {
  outDir: string;
  partial: boolean;
  sweepJson: SweepJson | undefined;
  failures: readonly WorkFailure[];
  jobsRun: number;
  /** --resume found the finished sweep already there: nothing was run or written. */
  alreadyComplete?: boolean;
}

export async function runSweep(loaded: LoadedScenario, options: SweepOptions): Promise<SweepOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  // At most one thread per job of this shard (job k: point-major over points × replications).
  let jobs = 0;
  let k = 0;
  for (const point of options.points) for (let r = 0; r < point.scenario.replications; r++) if (inShard(k++, options.shard)) jobs++;
  const pool = options.pool ?? createPool({ jobs, ...(options.workers === undefined ? {} : { workers: options.workers }), ...(options.inThread === undefined ? {} : { inThread: options.inThread }) });
  try {
    if (options.resume === true && options.shard === undefined) {
      const done = await readFinishedResult(options.outDir, 'sweep.json');
      if (done !== undefined) {
        const sameVary = JSON.stringify(done.json['vary']) === JSON.stringify(options.vary.map((v) => ({ path: v.path, values: [...v.values] })));
        if (done.scenarioSha256 !== loaded.hash || done.seed !== loaded.scenario.seed || !sameVary) {
          throw new ExperimentInputError('--resume', `${options.outDir} holds another finished sweep (scenario, seed or --vary differ): give another --out, or --force instead of --resume to replace it`);
        }
        if (done.failures > 0) throw new ExperimentInputError('--resume', `${options.outDir} holds this sweep, finished with ${done.failures} failed job(s); its jobs are gone: use --force instead of --resume to run it again`);
        return { outDir: options.outDir, partial: false, sweepJson: done.json as unknown as SweepJson, failures: [], jobsRun: 0, alreadyComplete: true };
      }
    }
    const work = await runWorkFolder({
      dir: options.outDir,
      kind: 'sweep',
      loaded,
      scenarioFile: options.scenarioFile,
      vary: options.vary,
      points: options.points,
      detail: loaded.scenario.outputs.pointTables === true ? 'full' : 'metrics',
      pool,
      ...workFlags(options),
      wallTimeS: () => (now() - started) / 1000,
    });
    if (work.partial) return { outDir: options.outDir, partial: true, sweepJson: undefined, failures: work.failures, jobsRun: work.jobsRun };
    const sweepJson = await assembleSweep(loaded, work.manifest, [work.source], options.outDir, {
      workers: pool.workers,
      wallTimeS: (now() - started) / 1000,
      failures: work.failures,
      pointTiming: options.points.map((p) => p.scenario),
      readOptions: { flag: '--resume', fix: 'delete it and run again with --resume', ...(options.allowVersionMix === true ? { allowVersionMix: true } : {}) },
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return { outDir: options.outDir, partial: false, sweepJson, failures: work.failures, jobsRun: work.jobsRun };
  } finally {
    if (options.pool === undefined) await pool.close();
  }
}

/**
 * Build the sweep folder `outDir` from the job files in the work folders `sources`, point by point; each job file is checked (readJob).
 * With outputs.pointTables the jobs hold full results and each point's gates and transactions tables are kept (point-tables.ts),
 * timed by `meta.pointTiming` (the point's duration and startTime; the base scenario's when absent).
 */
export async function assembleSweep(
  base: { scenario: LoadedScenario['scenario'] },
  manifest: Manifest,
  sources: readonly JobSource[],
  outDir: string,
  meta: { workers: number; wallTimeS: number; failures: readonly WorkFailure[]; readOptions?: ReadJobOptions; signal?: AbortSignal; pointTiming?: readonly PointTiming[] },
): Promise<SweepJson> {
  const paths = manifest.vary.map((v) => v.path);
  const failures: WorkFailure[] = [...meta.failures];
  return writeFolderAtomic(outDir, async (w) => {
    const tables = base.scenario.outputs.pointTables === true ? new PointTablesWriter(w) : undefined;
    const rows = await readSweepJobs(manifest, sources, failures, meta, tables === undefined ? undefined : (p, result) => tables.add(p, meta.pointTiming?.[p] ?? base.scenario, result));
    await tables?.finish();
    const metrics = metricNames(rows);
    const pointRows = manifest.points.map((point, p) => {
      const mine = rows.filter((row) => row.point === p);
      const summaries = new Map<string, Summary>(metrics.map((m) => [m, summarize(mine.map((row) => row.metrics[m] ?? NaN))]));
      return { point: p, values: point.values, replications: mine.length, summaries };
    });
    failures.sort((a, b) => a.point - b.point || a.replication - b.replication);
    const sweepJson: SweepJson = {
      tool: 'tapsim',
      ...(await buildInfo()),
      scenario: manifest.scenario,
      seed: manifest.seed,
      vary: manifest.vary.map((v) => ({ path: v.path, values: [...v.values] })),
      points: manifest.points.length,
      jobs: manifest.jobs,
      workers: meta.workers,
      wallTimeS: Math.round(meta.wallTimeS * 1000) / 1000,
      events: rows.reduce((n, r) => n + r.events, 0),
      fingerprint: sha256(rows.map((r) => r.fingerprint).join('\n')),
      failures,
    };
    await writeSweepFiles(w, base.scenario, manifest, paths, metrics, pointRows, rows, sweepJson);
    return sweepJson;
  }, meta.signal === undefined ? {} : { signal: meta.signal });
}

async function writeSweepFiles(
  w: FolderWriter,
  scenario: LoadedScenario['scenario'],
  manifest: Manifest,
  paths: readonly string[],
  metrics: readonly string[],
  pointRows: Parameters<typeof sweepCsv>[2],
  rows: readonly SweepRow[],
  sweepJson: SweepJson,
): Promise<void> {
  const parquet = wantsParquet(scenario);
  await w.writeFile('scenario.resolved.json', canonicalJson(scenario, 2) + '\n');
  await w.writeFile('sweep.csv', sweepCsv(paths, metrics, pointRows));
  await w.writeFile('sweep-summary.csv', keyedSummaryCsv(['point', ...paths], metrics, rows));
  await w.writeFile('columns.md', columnsMarkdown(['sweep.csv', 'sweep-summary.csv'], metrics) + (parquet ? PARQUET_NOTE : ''));
  if (parquet) await writeParquetCopies(w.path, ['sweep.csv', 'sweep-summary.csv']);
  await writeExperimentReport(w, {
    title: `${manifest.scenario.name} — sweep`,
    intro: `Full-factorial sweep over ${paths.join(', ')}: ${manifest.points.length} points, common random numbers (the same passengers at every point). Numbers: sweep.csv.`,
    meta: [
      { key: 'seed', value: String(sweepJson.seed) },
      { key: 'points × replications', value: String(sweepJson.jobs) },
      { key: 'wall time', value: `${sweepJson.wallTimeS} s` },
      { key: 'fingerprint', value: sweepJson.fingerprint },
    ],
    tables: [],
  });
  await w.writeFile('sweep.json', JSON.stringify(sweepJson, null, 2) + '\n');
}

export { ExperimentInputError, ScenarioError };
