/**
 * Jobs, shards and work folders. An experiment (a run or a sweep) is an ordered list of jobs
 * (point, replication), point-major. `--shard i/N` takes the jobs whose index k has k mod N = i:
 * deterministic, balanced, independent of worker count. A work folder holds `partial.json` (the
 * manifest: what experiment, which shard) and `jobs/p<point>-r<replication>.json`, one file per
 * finished job, each written atomically, so `--resume` skips finished jobs and `tapsim merge`
 * rebuilds exactly the folder an unsharded run writes. Every file carries the experiment's identity
 * and a content hash (integrity.ts); `readJob` checks both, so a job from another seed, shard,
 * point or build, or an edited or cut file, is refused by name instead of merged.
 */
import { join } from 'node:path';
import { emptyFolder, listFiles, readText, readTextOptional, resultMarkerIn, writeFileAtomic } from '../report/write.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import type { ResultDetail } from '../experiment/messages.js';
import type { ReplicationResult } from '../experiment/replication.js';
import { runInOrder, type OrderedProgress, type PoolTask, type ReplicationPool } from '../experiment/pool.js';
import { identityProblems, jobFileText, manifestText, parseJobFile, parseManifestText, resolvedFileText, shardText, type ExperimentIdentity, type JobIdentity } from './integrity.js';
import { buildId, toolVersion } from '../experiment/version.js';

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
  /** Build id of the tool that wrote the folder (version.ts). */
  build: string;
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
  await writeFileAtomic(join(dir, MANIFEST_FILE), manifestText(manifest as unknown as Record<string, unknown>));
}

/**
 * The manifest of a work folder, undefined if it has none. A manifest that is cut, edited or
 * not tapsim's is an ExperimentInputError naming the file (flag: the option to blame).
 */
export async function readManifest(dir: string, flag = '--out'): Promise<Manifest | undefined> {
  const path = join(dir, MANIFEST_FILE);
  let text: string | null;
  try {
    text = await readTextOptional(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
  if (text === null) return undefined;
  const parsed = parseManifestText(text);
  if (!parsed.ok) throw new ExperimentInputError(flag, `${path} ${parsed.problem}`);
  const m = parsed.value as Partial<Manifest>;
  if ((m.kind !== 'run' && m.kind !== 'sweep') || !Array.isArray(m.points) || typeof m.seed !== 'number' || m.scenario === undefined || typeof m.build !== 'string') {
    throw new ExperimentInputError(flag, `${path} is not a tapsim manifest`);
  }
  const { format: _format, ...manifest } = m as Manifest & { format?: string };
  return manifest;
}

export function identityOf(manifest: Manifest): ExperimentIdentity {
  return { tool: 'tapsim', version: manifest.version, build: manifest.build, scenarioSha256: manifest.scenario.sha256, seed: manifest.seed, shard: manifest.shard };
}

/** Index of job (point, replication) in the experiment's point-major order. */
export function jobIndex(manifest: Pick<Manifest, 'points'>, job: JobRef): number {
  let k = 0;
  for (let p = 0; p < job.point; p++) k += (manifest.points[p] as Manifest['points'][number]).replications;
  return k + job.replication;
}

/** `p00012-r00003.json` → { point: 12, replication: 3 }. */
export function parseJobFileName(name: string): JobRef | undefined {
  const m = /^p(\d+)-r(\d+)\.json$/.exec(name);
  return m === null ? undefined : { point: Number(m[1]), replication: Number(m[2]) };
}

export async function writeJob(dir: string, identity: JobIdentity, result: ReplicationResult): Promise<void> {
  let text: string;
  try {
    text = jobFileText(identity, result);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // A JavaScript string holds at most 2^29 characters: a transaction log of millions of taps does not fit.
    throw new ExperimentInputError('--out', `the result of replication ${identity.replication} is too large to keep as a job file (over 512 MB of JSON, mostly its transaction log): set outputs.transactions: false or shorten the duration; or run it without --out, --shard and --resume (a default folder streams its CSV files and keeps no jobs)`);
  }
  await writeFileAtomic(join(dir, JOBS_DIR, jobFileName(identity)), text);
}

/** A work folder whose job files are read back, with its (checked) manifest. */
export interface JobSource {
  dir: string;
  manifest: Manifest;
}

export interface ReadJobOptions {
  /** Accept a job written by another version or build (--allow-version-mix). */
  allowVersionMix?: boolean;
  /** The option to blame and what to do, for messages (default: merge). */
  flag?: string;
  fix?: string;
}

/**
 * Read one job file of `source` and check it against the folder's manifest: content hash, the
 * experiment (scenario, seed, point, shard), the job it claims to be, the version and build.
 * Any mismatch is an ExperimentInputError naming the file.
 */
export async function readJob(source: JobSource, job: JobRef, options: ReadJobOptions = {}): Promise<ReplicationResult> {
  const path = join(source.dir, JOBS_DIR, jobFileName(job));
  const { manifest } = source;
  const flag = options.flag ?? 'merge';
  const fix = options.fix ?? `delete it and finish ${source.dir} again with --resume (the command that wrote it)`;
  const parsed = parseJobFile(await readText(path));
  if (!parsed.ok) throw new ExperimentInputError(flag, `${path} ${parsed.problem}: ${fix}`);
  const point = manifest.points[job.point];
  if (point === undefined || job.replication >= point.replications) throw new ExperimentInputError(flag, `${path} is not a job of this experiment (${manifest.points.length} point(s)): remove it`);
  const expected = { ...identityOf(manifest), point: job.point, replication: job.replication, pointSha256: point.sha256 };
  const anyShard = manifest.shard === null || manifest.shard.count === 1;
  const { problems, versionMix } = identityProblems(parsed.value.identity, expected, { anyShard, jobIndex: jobIndex(manifest, job) });
  const data = parsed.value.data as Partial<ReplicationResult>;
  if (data.replication !== job.replication) problems.push(`its result is of replication ${String(data.replication)}`);
  if (data.seed !== manifest.seed) problems.push(`its result is of seed ${String(data.seed)}`);
  if (problems.length > 0) throw new ExperimentInputError(flag, `${path} does not belong to ${source.dir} (${shardText(manifest.shard)}, seed ${manifest.seed}): ${problems.join('; ')}. Remove it, or give the folder it came from`);
  if (versionMix !== undefined && options.allowVersionMix !== true) throw new ExperimentInputError(flag, `${path}: ${versionMix}: re-run it with one build, or add --allow-version-mix`);
  return data as ReplicationResult;
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
  /** Resume a folder started by another version or build (--allow-version-mix). */
  allowVersionMix?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: OrderedProgress) => void;
  wallTimeS: () => number;
  /** Test-only (test-faults.ts): these replication indices throw in the worker. */
  failReplications?: readonly number[];
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
  /** The folder as a job source, for assembling its result. */
  source: JobSource;
}

/** The scenario a job runs: sweeps need only scalars, so the transaction log is off. */
export function jobScenario(scenario: ResolvedScenario, detail: ResultDetail): ResolvedScenario {
  return detail === 'metrics' && scenario.outputs.transactions ? { ...scenario, outputs: { ...scenario.outputs, transactions: false } } : scenario;
}

export function makeManifest(plan: Pick<WorkPlan, 'kind' | 'loaded' | 'scenarioFile' | 'vary' | 'points' | 'shard'>, tool: { version: string; build: string }, workers: number, wallTimeS: number): Manifest {
  const { scenario } = plan.loaded;
  return {
    tool: 'tapsim',
    version: tool.version,
    build: tool.build,
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

/** The version and build of the running tool, as a manifest records them. */
export async function currentTool(): Promise<{ version: string; build: string }> {
  const [version, build] = await Promise.all([toolVersion(), buildId()]);
  return { version, build };
}

/**
 * Run the jobs of `plan` that belong to its shard and are not finished yet, writing each result
 * to <dir>/jobs/ as it arrives (any order), with <dir>/partial.json describing the experiment.
 * Without `resume` (or with nothing to resume) the folder starts empty: the caller has checked
 * that it may be replaced (checkOutDir).
 */
export async function runWorkFolder(plan: WorkPlan): Promise<WorkOutcome> {
  const tool = await currentTool();
  const manifest = makeManifest(plan, tool, plan.pool.workers, 0);
  const existing = await readManifest(plan.dir, plan.resume ? '--resume' : '--out');
  if (plan.resume && existing !== undefined) {
    const diffs = manifestDifferences(existing, manifest);
    if (diffs.length > 0) throw new ExperimentInputError('--resume', `${plan.dir} holds another experiment: ${diffs.join('; ')}. Give another --out, or drop --resume to start over`);
    if ((existing.version !== tool.version || existing.build !== tool.build) && plan.allowVersionMix !== true) {
      throw new ExperimentInputError('--resume', `${plan.dir} was started by tapsim ${existing.version} build ${existing.build}; this is ${tool.version} build ${tool.build}: finish it with that build, or add --allow-version-mix`);
    }
  }
  if (plan.resume && existing === undefined) {
    const marker = await resultMarkerIn(plan.dir);
    if (marker !== undefined) throw new ExperimentInputError('--resume', `${plan.dir} holds a finished result (${marker}), not an unfinished run: give another --out, or --force instead of --resume to replace it`);
  }
  const resuming = plan.resume && existing !== undefined;
  if (!resuming) await emptyFolder(plan.dir);
  await writeManifest(plan.dir, manifest);
  await writeFileAtomic(join(plan.dir, RESOLVED_FILE), resolvedFileText(identityOf(manifest), plan.loaded.scenario));
  const finished = resuming ? await finishedJobs(plan.dir) : new Set<string>();
  const fail = new Set(plan.failReplications ?? []);
  const todo: Array<{ job: JobRef; task: PoolTask; sha256: string }> = [];
  let k = 0;
  plan.points.forEach((point, p) => {
    const scenario = jobScenario(point.scenario, plan.detail);
    for (let r = 0; r < point.scenario.replications; r++, k++) {
      const job = { point: p, replication: r };
      if (!inShard(k, plan.shard) || finished.has(jobFileName(job))) continue;
      todo.push({ job, task: { scenario, replication: r, seed: scenario.seed, detail: plan.detail, ...(fail.has(r) ? { failForTest: true } : {}) }, sha256: point.sha256 });
    }
  });
  const failures: WorkFailure[] = [];
  let events = 0;
  const identity = identityOf(manifest);
  await runInOrder(plan.pool, todo.map((t) => t.task), {
    ...(plan.signal === undefined ? {} : { signal: plan.signal }),
    ...(plan.onProgress === undefined ? {} : { onProgress: plan.onProgress }),
    onOutcome: async (i, outcome) => {
      const { job, task, sha256 } = todo[i] as (typeof todo)[number];
      if (outcome.ok) {
        events += outcome.result.events;
        await writeJob(plan.dir, { ...identity, ...job, pointSha256: sha256 }, outcome.result);
      } else failures.push({ ...job, seed: task.seed, message: outcome.message });
    },
  });
  const final = { ...manifest, wallTimeS: Math.round(plan.wallTimeS() * 1000) / 1000 };
  await writeManifest(plan.dir, final);
  return { partial: plan.shard !== undefined && plan.shard.count > 1, failures, jobsRun: todo.length, events, manifest: final, source: { dir: plan.dir, manifest: final } };
}

/** Where each finished job of `sources` is (the first folder holding it). */
export async function locateJobs(sources: readonly JobSource[]): Promise<Map<string, JobSource>> {
  const where = new Map<string, JobSource>();
  for (const source of sources) for (const name of await finishedJobs(source.dir)) if (!where.has(name)) where.set(name, source);
  return where;
}

/** A finished result folder (run.json or sweep.json) with what identifies its experiment. */
export interface FinishedResult {
  scenarioSha256: string;
  seed: number;
  failures: number;
  json: Record<string, unknown>;
}

/** The finished result in `dir` (`file`: run.json or sweep.json), if there is one and no work in progress. */
export async function readFinishedResult(dir: string, file: 'run.json' | 'sweep.json'): Promise<FinishedResult | undefined> {
  if ((await readTextOptional(join(dir, MANIFEST_FILE)).catch(() => null)) !== null) return undefined;
  const text = await readTextOptional(join(dir, file)).catch(() => null);
  if (text === null) return undefined;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ExperimentInputError('--resume', `${join(dir, file)} is not valid JSON (cut short or damaged): give another --out, or --force instead of --resume to run it again`);
  }
  const scenario = json['scenario'] as { sha256?: unknown } | undefined;
  return { scenarioSha256: String(scenario?.sha256), seed: Number(json['seed']), failures: Array.isArray(json['failures']) ? json['failures'].length : 0, json };
}
