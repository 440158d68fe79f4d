/**
 * Orchestration of one `tapsim run`: resolved scenario → replications on the worker pool →
 * results in replication order → the run folder, written atomically (write.ts):
 * run.json, scenario.resolved.json, summary.csv, summary-ci.csv, gates.csv, backend.csv,
 * latency.csv, transactions.csv (when outputs.transactions), columns.md, and the report
 * (figures/*.svg, index.html) rendered from those files by report/run-report.ts. Large tables stream to disk as results arrive, so
 * memory holds only the results in flight.
 *
 * A replication that throws fails alone (docs/architecture.md#rule-10): the others still run and are written, and
 * the failure (replication, seed, message) goes to run.json. An abort (Ctrl-C) removes the
 * temporary folder: nothing half-written.
 *
 * With `shard`, `resume` or `keepJobs` the run keeps one file per finished replication in
 * <out>/jobs/ (shard.ts): a shard writes only its partial folder; an unsharded run skips
 * replications already finished there (--resume) and then assembles the same folder as a plain
 * run. `--resume` on a folder that already holds this finished run runs nothing.
 *
 * run.json is the last file written into the temporary folder: a folder holding run.json is
 * complete, even one left behind by a killed process.
 */
import { buildInfo, toolVersion } from '../experiment/version.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { writeFolderAtomic } from '../report/write.js';
import type { ReplicationFailure, RunJson, UntilCi } from '../report/run-report.js';
import { runInOrder, type OrderedProgress, type PoolTask, type ReplicationPool } from '../experiment/pool.js';
import { relativeHalfWidth } from '../experiment/stats.js';
import { unknownMetricSentence } from '../experiment/metric-names.js';
import { metricNames, RunFolderBuilder, summarizeMetric } from './run-folder-builder.js';
import { createCsvPool } from './csv-pool.js';
import { ExperimentInputError, inShard, jobFileName, locateJobs, readFinishedResult, readJob, runWorkFolder, workFlags, type JobSource, type ReadJobOptions, type Shard } from './shard.js';

export { ExperimentInputError };
export { metricNames, RunFolderBuilder, summarizeMetric } from './run-folder-builder.js';
export type { ReplicationFailure, RunJson, UntilCi };

export type RunProgress = OrderedProgress;

export interface RunScenarioOptions {
  /** Folder to write (checked beforehand by the caller with checkOutDir). */
  outDir: string;
  /** Scenario file as given on the command line (recorded in run.json). */
  scenarioFile?: string;
  onProgress?: (progress: RunProgress) => void;
  /** Wall clock in ms (injectable for tests). */
  now?: () => number;
  /** Worker threads (default os.availableParallelism()); ignored when `pool` is given. */
  workers?: number;
  /** With workers = 1, run in the calling thread. */
  inThread?: boolean;
  /** A pool to use (not closed here). */
  pool?: ReplicationPool;
  signal?: AbortSignal;
  /** Sequential stopping: add batches of replications until every target is met. */
  untilCi?: readonly UntilCi[];
  /** Cap on replications with untilCi (default 1000). */
  maxReplications?: number;
  shard?: Shard;
  resume?: boolean;
  /** Keep every finished replication in <out>/jobs/ while running, so an interrupted run can --resume (the CLI sets it with --out). */
  keepJobs?: boolean;
  /** Resume a folder started by another version or build. */
  allowVersionMix?: boolean;
  /** Test-only fault hook (test-faults.ts): these replications throw in the worker. */
  failReplications?: readonly number[];
}

export interface RunOutcome {
  outDir: string;
  runJson: RunJson;
  failures: readonly ReplicationFailure[];
  /** True when only a partial (sharded) folder was written. */
  partial: boolean;
  /** --resume found the finished run already there: nothing was run or written. */
  alreadyComplete?: boolean;
}

export { toolVersion };

function task(scenario: ResolvedScenario, replication: number, fail: ReadonlySet<number>): PoolTask {
  return { scenario, replication, seed: scenario.seed, detail: 'full', csv: true, ...(fail.has(replication) ? { failForTest: true } : {}) };
}

export async function runScenario(loaded: LoadedScenario, options: RunScenarioOptions): Promise<RunOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  // At most one thread per replication in flight: a batch of `replications` (--until-ci adds batches of that size), or this shard's jobs.
  let jobs = 0;
  for (let r = 0; r < loaded.scenario.replications; r++) if (inShard(r, options.shard)) jobs++;
  const pool = options.pool ?? createCsvPool({ jobs, ...(options.workers === undefined ? {} : { workers: options.workers }), ...(options.inThread === undefined ? {} : { inThread: options.inThread }) });
  try {
    if (options.shard !== undefined || options.resume === true || (options.keepJobs === true && (options.untilCi ?? []).length === 0)) return await runPersisted(loaded, options, pool, now, started);
    return await runStreaming(loaded, options, pool, now, started);
  } finally {
    if (options.pool === undefined) await pool.close();
  }
}

async function runStreaming(loaded: LoadedScenario, options: RunScenarioOptions, pool: ReplicationPool, now: () => number, started: number): Promise<RunOutcome> {
  const { scenario } = loaded;
  const initial = scenario.replications;
  const cap = Math.max(initial, options.maxReplications ?? 1000);
  const fail = new Set(options.failReplications ?? []);
  const runJson = await writeFolderAtomic(options.outDir, async (w) => {
    const builder = await RunFolderBuilder.open(w, scenario);
    let total = 0;
    let batch = initial;
    let untilCi: RunJson['untilCi'];
    for (;;) {
      const tasks = Array.from({ length: batch }, (_, i) => task(scenario, total + i, fail));
      const base = total;
      const eventsBase = builder.events;
      await runInOrder(pool, tasks, {
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.onProgress === undefined ? {} : { onProgress: (p: OrderedProgress) => options.onProgress?.({ done: base + p.done, total: base + p.total, fraction: (base + p.fraction * p.total) / (base + p.total), events: eventsBase + p.events }) }),
        onOutcome: async (i, outcome) => {
          if (outcome.ok) await builder.add(outcome.result);
          else builder.fail({ replication: base + i, seed: scenario.seed, message: outcome.message });
        },
      });
      total += batch;
      if (options.untilCi === undefined || options.untilCi.length === 0) break;
      untilCi = options.untilCi.map((target) => {
        if (!builder.metricsByReplication.some((r) => target.metric in r.metrics)) {
          throw new ExperimentInputError('--until-ci', unknownMetricSentence(target.metric, metricNames(builder.metricsByReplication)));
        }
        const achieved = relativeHalfWidth(summarizeMetric(builder.metricsByReplication, target.metric));
        return { ...target, achieved, met: achieved <= target.relativeHalfWidth };
      });
      if (untilCi.every((u) => u.met) || total >= cap) break;
      // Batch size is fixed by the scenario, never by the worker count: outputs do not depend on it.
      batch = Math.min(initial, cap - total);
    }
    return builder.finish(loaded, { scenarioFile: options.scenarioFile ?? null, workers: pool.workers, wallTimeS: (now() - started) / 1000, ...(untilCi === undefined ? {} : { untilCi: untilCi.map((u) => ({ ...u, achieved: Number.isFinite(u.achieved) ? u.achieved : -1 })) }) });
  }, options.signal === undefined ? {} : { signal: options.signal });
  return { outDir: options.outDir, runJson, failures: runJson.failures, partial: false };
}

async function runPersisted(loaded: LoadedScenario, options: RunScenarioOptions, pool: ReplicationPool, now: () => number, started: number): Promise<RunOutcome> {
  const { scenario } = loaded;
  if (options.untilCi !== undefined && options.untilCi.length > 0) throw new ExperimentInputError('--until-ci', 'cannot be combined with --shard or --resume: the number of replications must be known up front');
  if (options.resume === true && options.shard === undefined) {
    const done = await readFinishedResult(options.outDir, 'run.json');
    if (done !== undefined) {
      if (done.scenarioSha256 !== loaded.hash || done.seed !== scenario.seed) {
        throw new ExperimentInputError('--resume', `${options.outDir} holds another finished run (scenario sha256 ${done.scenarioSha256.slice(0, 12)}, seed ${done.seed}; this one is ${loaded.hash.slice(0, 12)}, seed ${scenario.seed}): give another --out, or --force instead of --resume to replace it`);
      }
      if (done.failures > 0) throw new ExperimentInputError('--resume', `${options.outDir} holds this run, finished with ${done.failures} failed replication(s); its jobs are gone: use --force instead of --resume to run it again`);
      return { outDir: options.outDir, runJson: done.json as unknown as RunJson, failures: [], partial: false, alreadyComplete: true };
    }
  }
  const work = await runWorkFolder({
    dir: options.outDir,
    kind: 'run',
    loaded,
    scenarioFile: options.scenarioFile ?? null,
    vary: [],
    points: [{ values: [], scenario, sha256: loaded.hash }],
    detail: 'full',
    pool,
    ...workFlags(options),
    wallTimeS: () => (now() - started) / 1000,
  });
  const failures: ReplicationFailure[] = work.failures.map((f) => ({ replication: f.replication, seed: f.seed, message: f.message }));
  if (work.partial) {
    const runJson: RunJson = {
      tool: 'tapsim', ...(await buildInfo()), scenario: { name: scenario.name, file: options.scenarioFile ?? null, sha256: loaded.hash },
      seed: scenario.seed, replications: work.jobsRun, workers: pool.workers, wallTimeS: Math.round(((now() - started) / 1000) * 1000) / 1000,
      events: work.events, fingerprint: '', failures,
    };
    return { outDir: options.outDir, runJson, failures, partial: true };
  }
  const runJson = await assembleRun(loaded, [work.source], {
    scenarioFile: options.scenarioFile ?? null,
    workers: pool.workers,
    wallTimeS: (now() - started) / 1000,
    failures,
    readOptions: { flag: '--resume', fix: `delete it and run again with --resume`, ...(options.allowVersionMix === true ? { allowVersionMix: true } : {}) },
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { outDir: options.outDir, runJson, failures, partial: false };
}

/** Build the run folder `meta.outDir` (default the first source's folder) from the job files of the work folders `sources`, in replication order; each job file is checked (readJob). */
export async function assembleRun(
  loaded: Pick<LoadedScenario, 'scenario' | 'hash'>,
  sources: readonly JobSource[],
  meta: { scenarioFile: string | null; workers: number; wallTimeS: number; failures: readonly ReplicationFailure[]; outDir?: string; readOptions?: ReadJobOptions; signal?: AbortSignal },
): Promise<RunJson> {
  const where = await locateJobs(sources);
  const failed = new Map(meta.failures.map((f) => [f.replication, f]));
  const outDir = meta.outDir ?? (sources[0] as JobSource).dir;
  return writeFolderAtomic(outDir, async (w) => {
    const builder = await RunFolderBuilder.open(w, loaded.scenario);
    for (let r = 0; r < loaded.scenario.replications; r++) {
      const job = { point: 0, replication: r };
      const source = where.get(jobFileName(job));
      meta.signal?.throwIfAborted();
      if (source !== undefined) await builder.add(await readJob(source, job, meta.readOptions));
      else {
        const f = failed.get(r);
        builder.fail(f ?? { replication: r, seed: loaded.scenario.seed, message: 'no result' });
      }
    }
    return builder.finish(loaded, { scenarioFile: meta.scenarioFile, workers: meta.workers, wallTimeS: meta.wallTimeS });
  }, meta.signal === undefined ? {} : { signal: meta.signal });
}

/** Default run folder: results/<scenario-name>/<UTC time>-s<seed>. */
export function defaultRunDir(name: string, seed: number, date: Date, prefix = ''): string {
  const stamp = date.toISOString().replace(/[:.]/g, '').replace(/-/g, '').replace('T', '-').slice(0, 15);
  return `results/${name}/${prefix}${stamp}-s${seed}`;
}
