/**
 * `tapsim study <file>`: every experiment of the file's `experiments:` section (study-plan.ts)
 * into one folder — `<out>/<name>/` holding exactly what the experiment's command line writes
 * (runSweep, runCompare, runSize with the same scenario, seeds and overrides), then the study
 * report (index.html) and study.json (study-json.ts), written last.
 *
 * Shards and --resume reuse each experiment's own machinery: a sweep's work folder is its
 * sub-folder, so `--shard i/N` runs that shard's jobs of every sweep and `--resume` skips the
 * finished jobs (or the finished sweep). A band comparison or sizing has no jobs to share: each
 * runs whole in one shard, experiment index mod N, and the others record it as another shard's;
 * `--resume` keeps a finished one after checking its files against study.json. study.json is
 * rewritten after every experiment, so a stopped study resumes where it was.
 */
import { join } from 'node:path';
import type { LoadedScenario } from '../scenario/load.js';
import { emptyFolder } from '../report/write.js';
import { createPool, type OrderedProgress, type ReplicationPool } from '../experiment/pool.js';
import { runCompare } from './compare.js';
import { runSize } from './size.js';
import { runSweep } from './sweep.js';
import { currentTool, ExperimentInputError, type Shard } from './shard.js';
import { folderHashes, folderProblem, readStudyJson, studyIdentity, writeStudyJson, type StudyExperimentRecord, type StudyJson } from './study-json.js';
import { writeStudyReport } from './study-page.js';
import type { ExperimentPlan } from './study-plan.js';

export interface StudyOptions {
  outDir: string;
  /** The study file as given (recorded in study.json and each experiment's result file). */
  scenarioFile: string | null;
  workers?: number;
  inThread?: boolean;
  pool?: ReplicationPool;
  shard?: Shard;
  resume?: boolean;
  allowVersionMix?: boolean;
  signal?: AbortSignal;
  onProgress?: (experiment: string, p: OrderedProgress) => void;
  now?: () => number;
}

export interface StudyOutcome {
  studyJson: StudyJson;
  /** Failed replications over all experiments, each named by its experiment. */
  failures: Array<{ experiment: string; where: string; seed: number; message: string }>;
  /** --resume found this finished study: nothing was run. */
  alreadyComplete: boolean;
}

/** The shard that runs a comparison or sizing whole; null for a sweep (every shard runs its share). */
export function ownerShard(plan: ExperimentPlan, shard: Shard | undefined): number | null {
  return plan.kind === 'sweep' ? null : plan.index % (shard?.count ?? 1);
}

function jobsOf(plan: ExperimentPlan): number {
  if (plan.kind === 'sweep') return plan.points.reduce((n, p) => n + p.scenario.replications, 0);
  if (plan.kind === 'compare') return plan.configs.reduce((n, c) => n + c.scenario.replications, 0);
  return Math.max(2, plan.loaded.scenario.replications);
}

/** The study.json already in the folder (--resume): it must be this study, this shard, this build (or allowed). */
async function previousRecord(options: StudyOptions, identity: string, tool: { version: string; build: string }): Promise<StudyJson | undefined> {
  const previous = await readStudyJson(options.outDir, '--resume');
  if (previous === undefined) return undefined;
  const shardOf = (s: Shard | null | undefined): string => (s === null || s === undefined || s.count === 1 ? 'unsharded' : `shard ${s.index}/${s.count}`);
  if (previous.identity !== identity) throw new ExperimentInputError('--resume', `${options.outDir} holds another study (the scenario, a seed or an experiment differs): give another --out, or --force instead of --resume to start over`);
  if (shardOf(previous.shard) !== shardOf(options.shard)) throw new ExperimentInputError('--resume', `${options.outDir} holds ${shardOf(previous.shard)} of this study, not ${shardOf(options.shard)}: give that shard's --shard, or another --out`);
  if ((previous.version !== tool.version || previous.build !== tool.build) && options.allowVersionMix !== true) {
    throw new ExperimentInputError('--resume', `${options.outDir} was started by tapsim ${previous.version} build ${previous.build}; this is ${tool.version} build ${tool.build}: finish it with that build, or add --allow-version-mix`);
  }
  return previous;
}

/** Run one experiment into its folder; returns its record and its failures. */
async function runOne(file: string, plan: ExperimentPlan, dir: string, pool: ReplicationPool, options: StudyOptions, kept: StudyExperimentRecord | undefined): Promise<{ record: StudyExperimentRecord; failures: StudyOutcome['failures'] }> {
  const owner = ownerShard(plan, options.shard);
  const base = { name: plan.name, kind: plan.kind, spec: plan.spec, scenarioSha256: plan.loaded.hash, owner, failures: 0 };
  const common = { outDir: dir, scenarioFile: options.scenarioFile, pool, ...(options.signal === undefined ? {} : { signal: options.signal }), ...(options.onProgress === undefined ? {} : { onProgress: (p: OrderedProgress) => options.onProgress?.(plan.name, p) }) };
  if (plan.kind === 'sweep') {
    const outcome = await runSweep(plan.loaded, { ...common, vary: plan.vary, points: plan.points, ...(options.shard === undefined ? {} : { shard: options.shard }), ...(options.resume === true ? { resume: true } : {}), ...(options.allowVersionMix === true ? { allowVersionMix: true } : {}) });
    const failures = outcome.failures.map((f) => ({ experiment: plan.name, where: `point ${f.point} replication ${f.replication}`, seed: f.seed, message: f.message }));
    if (outcome.partial) return { record: { ...base, status: 'partial', failures: failures.length, summary: `${outcome.jobsRun} job(s) of this shard run; combine the shards with tapsim merge` }, failures };
    const s = outcome.sweepJson;
    return { record: { ...base, status: 'complete', failures: s?.failures.length ?? 0, summary: `${s?.points ?? 0} point(s), ${s?.jobs ?? 0} job(s), fingerprint ${(s?.fingerprint ?? '').slice(0, 16)}` }, failures };
  }
  if (owner !== (options.shard?.index ?? 0)) return { record: { ...base, status: 'other-shard', summary: `run whole by shard ${owner ?? 0}/${options.shard?.count ?? 1}` }, failures: [] };
  if (kept !== undefined && kept.status === 'complete' && kept.files !== undefined) {
    const problem = await folderProblem(dir, kept.files);
    if (problem !== undefined) throw new ExperimentInputError('--resume', `${problem}: the finished ${plan.kind} "${plan.name}" cannot be kept; use --force instead of --resume to run the study again`);
    return { record: kept, failures: [] };
  }
  if (plan.kind === 'compare') {
    const outcome = await runCompare(plan.configs, common);
    const failures = outcome.failures.map((f) => ({ experiment: plan.name, where: `${f.config} replication ${f.replication}`, seed: f.seed, message: f.message }));
    const off = outcome.infeasible.length === 0 ? '' : `; infeasible, not run: ${outcome.infeasible.map((x) => x.config).join(', ')}`;
    const summary = `${plan.configs.map((c) => c.id).join(', ')} × ${plan.loaded.scenario.replications} replication(s), paired differences in compare.csv${off}`;
    return { record: { ...base, status: 'complete', failures: failures.length, summary, files: await folderHashes(dir) }, failures };
  }
  const outcome = await runSize(file, plan.overrides, plan.range, plan.slo, { ...common, ...(plan.maxReplications === undefined ? {} : { maxReplications: plan.maxReplications }), ...(options.onProgress === undefined ? {} : { onProgress: (p: OrderedProgress) => options.onProgress?.(plan.name, p) }) });
  const failures = outcome.failures.map((f) => ({ experiment: plan.name, where: `${plan.range.path}=${f.value} replication ${f.replication}`, seed: f.seed, message: f.message }));
  const { slo, range } = plan;
  const summary = outcome.answer === null ? `no value in ${range.lo}..${range.hi} meets ${slo.metric}${slo.op}${slo.threshold} with 95% confidence` : `smallest ${range.path} meeting ${slo.metric}${slo.op}${slo.threshold} with 95% confidence: ${outcome.answer}`;
  return { record: { ...base, status: 'complete', failures: failures.length, summary, files: await folderHashes(dir) }, failures };
}

/** Run the study `plans` (of `file`, base scenario `base`) into options.outDir (checked by the caller: new, --force or --resume). */
export async function runStudy(file: string, base: LoadedScenario, plans: readonly ExperimentPlan[], options: StudyOptions): Promise<StudyOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const tool = await currentTool();
  const identity = studyIdentity(base.hash, base.scenario.seed, plans);
  const previous = options.resume === true ? await previousRecord(options, identity, tool) : undefined;
  const sharded = options.shard !== undefined && options.shard.count > 1;
  if (previous !== undefined && previous.status === 'complete' && !sharded) return { studyJson: previous, failures: [], alreadyComplete: true };
  if (previous === undefined && options.resume !== true) await emptyFolder(options.outDir);
  const json: StudyJson = {
    format: 'tapsim-study/1',
    tool: 'tapsim',
    ...tool,
    identity,
    scenario: { name: base.scenario.name, file: options.scenarioFile, sha256: base.hash },
    seed: base.scenario.seed,
    shard: options.shard ?? null,
    status: 'running',
    wallTimeS: 0,
    experiments: plans.map((p) => previous?.experiments.find((e) => e.name === p.name) ?? { name: p.name, kind: p.kind, spec: p.spec, scenarioSha256: p.loaded.hash, owner: ownerShard(p, options.shard), status: 'pending', failures: 0, summary: 'not run yet' }),
  };
  await writeStudyJson(options.outDir, json);
  const mine = plans.filter((p) => p.kind === 'sweep' || ownerShard(p, options.shard) === (options.shard?.index ?? 0));
  const jobs = mine.reduce((n, p) => Math.max(n, jobsOf(p)), 1);
  const pool = options.pool ?? createPool({ jobs, ...(options.workers === undefined ? {} : { workers: options.workers }), ...(options.inThread === undefined ? {} : { inThread: options.inThread }) });
  const failures: StudyOutcome['failures'] = [];
  try {
    for (const [i, plan] of plans.entries()) {
      options.signal?.throwIfAborted();
      const kept = previous?.experiments.find((e) => e.name === plan.name);
      const one = await runOne(file, plan, join(options.outDir, plan.name), pool, options, kept);
      json.experiments[i] = one.record;
      for (const f of one.failures) failures.push(f);
      json.wallTimeS = Math.round(now() - started) / 1000;
      await writeStudyJson(options.outDir, json);
    }
  } finally {
    if (options.pool === undefined) await pool.close();
  }
  json.status = json.experiments.every((e) => e.status === 'complete') ? 'complete' : 'partial';
  json.wallTimeS = Math.round(now() - started) / 1000;
  await writeStudyReport(options.outDir, json);
  await writeStudyJson(options.outDir, json);
  return { studyJson: json, failures, alreadyComplete: false };
}
