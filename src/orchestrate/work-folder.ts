/** Running the jobs of a plan into a work folder: its manifest, its resolved scenario, one job file per finished job. */
import { join } from 'node:path';
import { emptyFolder, resultMarkerIn, writeFileAtomic } from '../report/write.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import type { ResultDetail } from '../experiment/messages.js';
import { runInOrder, type OrderedProgress, type PoolTask, type ReplicationPool } from '../experiment/pool.js';
import { ExperimentInputError } from './input-error.js';
import { resolvedFileText } from './integrity.js';
import { finishedJobs, writeJob, type JobSource } from './job-files.js';
import { inShard, jobFileName, type JobRef, type Shard } from './jobs.js';
import { currentTool, identityOf, manifestDifferences, readManifest, RESOLVED_FILE, writeManifest, type Manifest } from './manifest.js';

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

/** What a run and a sweep pass on to the work folder as given (absent options stay absent). */
export interface WorkFlags {
  shard?: Shard;
  resume?: boolean;
  allowVersionMix?: boolean;
  failReplications?: readonly number[];
  signal?: AbortSignal;
  onProgress?: (p: OrderedProgress) => void;
}

export function workFlags(o: WorkFlags): Pick<WorkPlan, 'shard' | 'resume' | 'allowVersionMix' | 'failReplications' | 'signal' | 'onProgress'> {
  return {
    ...(o.shard === undefined ? {} : { shard: o.shard }),
    resume: o.resume === true,
    ...(o.allowVersionMix === true ? { allowVersionMix: true } : {}),
    ...(o.failReplications === undefined ? {} : { failReplications: o.failReplications }),
    ...(o.signal === undefined ? {} : { signal: o.signal }),
    ...(o.onProgress === undefined ? {} : { onProgress: o.onProgress }),
  };
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
      todo.push({ job, task: { scenario, replication: r, seed: scenario.seed, detail: plan.detail, ...(plan.detail === 'full' ? { csv: true } : {}), ...(fail.has(r) ? { failForTest: true } : {}) }, sha256: point.sha256 });
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
