/** The job files of a work folder (jobs/p<point>-r<replication>.json): written, found, read back and checked. */
import { join } from 'node:path';
import { listFiles, readText, readTextOptional, writeFileAtomic } from '../report/write.js';
import type { ReplicationResult } from '../experiment/replication.js';
import { ExperimentInputError } from './input-error.js';
import { identityProblems, jobFileText, parseJobFile, shardText, type JobIdentity } from './integrity.js';
import { jobFileName, type JobRef } from './jobs.js';
import { identityOf, jobIndex, JOBS_DIR, MANIFEST_FILE, type Manifest } from './manifest.js';

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
