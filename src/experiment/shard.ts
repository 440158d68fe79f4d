/**
 * Jobs, shards and work folders. An experiment (a run or a sweep) is an ordered list of jobs
 * (point, replication), point-major. `--shard i/N` takes the jobs whose index k has k mod N = i:
 * deterministic, balanced, independent of worker count. A work folder holds `partial.json` (the
 * manifest: what experiment, which shard) and `jobs/p<point>-r<replication>.json`, one file per
 * finished job, each written atomically, so `--resume` skips finished jobs and `tapsim merge`
 * rebuilds exactly the folder an unsharded run writes.
 */
import { join } from 'node:path';
import { listFiles, parseJsonExact, readText, removeFolder, stringifyJsonExact, writeFileAtomic } from '../report/write.js';
import { canonicalJson, type LoadedScenario } from '../scenario/load.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import type { ResultDetail } from './messages.js';
import type { ReplicationResult } from './replication.js';
import { runInOrder, type OrderedProgress, type PoolTask, type ReplicationPool } from './pool.js';
import { toolVersion } from './version.js';

/** Bad experiment input found while running (unknown metric, mismatched work folder): exit 2. */
export class ExperimentInputError extends Error {
  constructor(readonly flag: string, message: string) {
    super(message);
    this.name = 'ExperimentInputError';
  }
}

export interface Shard {
  index: number;
  count: number;
}

/** Parse `i/N` (0 ≤ i < N). Returns an error message for bad text. */
export function parseShard(text: string): Shard | { error: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) return { error: `expected i/N, e.g. 0/4 (got "${text}")` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 100000) return { error: `N must be from 1 to 100000 (got "${text}"); e.g. 0/4 is the first of four shards` };
  if (index >= count) return { error: `i must be from 0 to N − 1 = ${count - 1} (got "${text}"); shards are numbered from 0` };
  return { index, count };
}

export function inShard(jobIndex: number, shard: Shard | undefined): boolean {
  return shard === undefined || jobIndex % shard.count === shard.index;
}

export interface JobRef {
  point: number;
  replication: number;
}

export function jobFileName(job: JobRef): string {
  return `p${String(job.point).padStart(5, '0')}-r${String(job.replication).padStart(5, '0')}.json`;
}

/** What a work folder is computing; two folders merge only if everything but `shard` agrees. */
export interface Manifest {
  tool: 'tapsim';
  version: string;
  kind: 'run' | 'sweep';
  scenario: { name: string; file: string | null; sha256: string };
  seed: number;
  vary: ReadonlyArray<{ path: string; values: readonly string[] }>;
  /** Per point: its --vary values, replications and resolved-scenario hash. */
  points: ReadonlyArray<{ values: readonly string[]; replications: number; sha256: string }>;
  jobs: number;
  shard: Shard | null;
  workers: number;
  /** Wall time of the last invocation that wrote this folder, s. */
  wallTimeS: number;
}

export const MANIFEST_FILE = 'partial.json';
export const JOBS_DIR = 'jobs';
/** The base resolved scenario, kept in a work folder so merge can rebuild the outputs. */
export const RESOLVED_FILE = 'scenario.resolved.json';

/** Human-readable differences between two manifests, ignoring shard, version, workers, timing and file name. */
export function manifestDifferences(a: Manifest, b: Manifest): string[] {
  const out: string[] = [];
  if (a.kind !== b.kind) out.push(`kind differs (${a.kind} vs ${b.kind})`);
  if (a.scenario.name !== b.scenario.name) out.push(`scenario differs (${a.scenario.name} vs ${b.scenario.name})`);
  if (a.seed !== b.seed) out.push(`seed differs (${a.seed} vs ${b.seed})`);
  if (JSON.stringify(a.vary) !== JSON.stringify(b.vary)) out.push(`--vary differs (${describeVary(a)} vs ${describeVary(b)})`);
  if (a.scenario.sha256 !== b.scenario.sha256) out.push(`resolved scenario differs (sha256 ${a.scenario.sha256.slice(0, 12)} vs ${b.scenario.sha256.slice(0, 12)}: a different file, --set, --replications or --seed)`);
  else if (JSON.stringify(a.points) !== JSON.stringify(b.points)) out.push('points differ (replications or resolved scenarios per point)');
  if (a.shard !== null && b.shard !== null && a.shard.count !== b.shard.count) out.push(`shard count differs (${a.shard.count} vs ${b.shard.count})`);
  return out;
}

function describeVary(m: Manifest): string {
  return m.vary.length === 0 ? 'none' : m.vary.map((v) => `${v.path}=${v.values.join(',')}`).join(' ');
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
}

/** The manifest of a work folder, undefined if it has none; throws on an unreadable one. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readText(join(dir, MANIFEST_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
  const m = JSON.parse(text) as Partial<Manifest>;
  if (m.tool !== 'tapsim' || (m.kind !== 'run' && m.kind !== 'sweep') || !Array.isArray(m.points) || typeof m.seed !== 'number' || m.scenario === undefined) {
    throw new Error(`${join(dir, MANIFEST_FILE)} is not a tapsim manifest`);
  }
  return m as Manifest;
}

/** One finished job, as stored in jobs/. */
export interface JobRecord {
  point: number;
  replication: number;
  seed: number;
  /** Hash of the point's resolved scenario: a stale job from another experiment is never reused. */
  sha256: string;
  result: ReplicationResult;
}

export async function writeJob(dir: string, record: JobRecord): Promise<void> {
  await writeFileAtomic(join(dir, JOBS_DIR, jobFileName(record)), stringifyJsonExact(record) + '\n');
}

export async function readJob(dir: string, job: JobRef): Promise<JobRecord> {
  const record = parseJsonExact(await readText(join(dir, JOBS_DIR, jobFileName(job)))) as JobRecord;
  if (record.point !== job.point || record.replication !== job.replication) throw new Error(`${join(dir, JOBS_DIR, jobFileName(job))} holds another job`);
  return record;
}

/** File names of the finished jobs in a work folder. */
export async function finishedJobs(dir: string): Promise<Set<string>> {
  return new Set((await listFiles(join(dir, JOBS_DIR))).filter((n) => /^p\d+-r\d+\.json$/.test(n)));
}

export interface WorkPoint {
  values: readonly string[];
  scenario: ResolvedScenario;
  sha256: string;
}

export interface WorkPlan {
  dir: string;
  kind: 'run' | 'sweep';
  /** The base scenario (with --set), before --vary. */
  loaded: LoadedScenario;
  scenarioFile: string | null;
  vary: ReadonlyArray<{ path: string; values: readonly string[] }>;
  points: readonly WorkPoint[];
  detail: ResultDetail;
  pool: ReplicationPool;
  shard?: Shard;
  resume: boolean;
  signal?: AbortSignal;
  onProgress?: (p: OrderedProgress) => void;
  wallTimeS: () => number;
}

export interface WorkFailure {
  point: number;
  replication: number;
  seed: number;
  message: string;
}

export interface WorkOutcome {
  /** Only a shard of the jobs was asked for: the folder stays a partial folder. */
  partial: boolean;
  failures: WorkFailure[];
  /** Jobs run by this invocation (not counting resumed ones). */
  jobsRun: number;
  events: number;
  manifest: Manifest;
}

/** The scenario a job runs: sweeps need only scalars, so the transaction log is off. */
export function jobScenario(scenario: ResolvedScenario, detail: ResultDetail): ResolvedScenario {
  return detail === 'metrics' && scenario.outputs.transactions ? { ...scenario, outputs: { ...scenario.outputs, transactions: false } } : scenario;
}

export function makeManifest(plan: Pick<WorkPlan, 'kind' | 'loaded' | 'scenarioFile' | 'vary' | 'points' | 'shard'>, version: string, workers: number, wallTimeS: number): Manifest {
  const { scenario } = plan.loaded;
  return {
    tool: 'tapsim',
    version,
    kind: plan.kind,
    scenario: { name: scenario.name, file: plan.scenarioFile, sha256: plan.loaded.hash },
    seed: scenario.seed,
    vary: plan.vary.map((v) => ({ path: v.path, values: [...v.values] })),
    points: plan.points.map((p) => ({ values: [...p.values], replications: p.scenario.replications, sha256: p.sha256 })),
    jobs: plan.points.reduce((n, p) => n + p.scenario.replications, 0),
    shard: plan.shard ?? null,
    workers,
    wallTimeS: Math.round(wallTimeS * 1000) / 1000,
  };
}

/**
 * Run the jobs of `plan` that belong to its shard and are not finished yet, writing each result
 * to <dir>/jobs/ as it arrives (any order), with <dir>/partial.json describing the experiment.
 */
export async function runWorkFolder(plan: WorkPlan): Promise<WorkOutcome> {
  const version = await toolVersion();
  const manifest = makeManifest(plan, version, plan.pool.workers, 0);
  let existing: Manifest | undefined;
  try {
    existing = await readManifest(plan.dir);
  } catch (error) {
    throw new ExperimentInputError('--out', `${plan.dir}: ${error instanceof Error ? error.message : String(error)}; give another --out`);
  }
  if (plan.resume && existing !== undefined) {
    const diffs = manifestDifferences(existing, manifest);
    if (diffs.length > 0) throw new ExperimentInputError('--resume', `${plan.dir} holds another experiment: ${diffs.join('; ')}. Give another --out, or drop --resume to start over`);
  }
  if (!plan.resume) await removeFolder(join(plan.dir, JOBS_DIR));
  await writeManifest(plan.dir, manifest);
  await writeFileAtomic(join(plan.dir, RESOLVED_FILE), canonicalJson(plan.loaded.scenario, 2) + '\n');
  const finished = plan.resume ? await finishedJobs(plan.dir) : new Set<string>();
  const todo: Array<{ job: JobRef; task: PoolTask; sha256: string }> = [];
  let k = 0;
  plan.points.forEach((point, p) => {
    const scenario = jobScenario(point.scenario, plan.detail);
    for (let r = 0; r < point.scenario.replications; r++, k++) {
      const job = { point: p, replication: r };
      if (!inShard(k, plan.shard) || finished.has(jobFileName(job))) continue;
      todo.push({ job, task: { scenario, replication: r, seed: scenario.seed, detail: plan.detail }, sha256: point.sha256 });
    }
  });
  const failures: WorkFailure[] = [];
  let events = 0;
  await runInOrder(plan.pool, todo.map((t) => t.task), {
    ...(plan.signal === undefined ? {} : { signal: plan.signal }),
    ...(plan.onProgress === undefined ? {} : { onProgress: plan.onProgress }),
    onOutcome: async (i, outcome) => {
      const { job, task, sha256 } = todo[i] as (typeof todo)[number];
      if (outcome.ok) {
        events += outcome.result.events;
        await writeJob(plan.dir, { ...job, seed: task.seed, sha256, result: outcome.result });
      } else failures.push({ ...job, seed: task.seed, message: outcome.message });
    },
  });
  const final = { ...manifest, wallTimeS: Math.round(plan.wallTimeS() * 1000) / 1000 };
  await writeManifest(plan.dir, final);
  return { partial: plan.shard !== undefined && plan.shard.count > 1, failures, jobsRun: todo.length, events, manifest: final };
}
