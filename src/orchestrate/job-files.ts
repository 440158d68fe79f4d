/**
 * The job files of a work folder (jobs/p<point>-r<replication>.json): written, found, read back
 * and checked. A result whose CSV rows came formatted from the worker (ReplicationResult.csv)
 * keeps them beside its job file as part files, p…-r….<table>.csv, written before it; the job
 * file's data names each part's SHA-256 and size (covered by the job file's own hash), and reading
 * the job checks them, so the run folder is assembled by concatenation, with no JSON of the
 * transaction log and no formatting on the main thread.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { listFiles, readText, readTextOptional, writeFileAtomic } from '../report/write.js';
import type { ReplicationCsvChunks, ReplicationResult } from '../experiment/replication.js';
import { ExperimentInputError } from './input-error.js';
import { identityProblems, jobFileText, parseJobFile, shardText, type JobIdentity } from './integrity.js';
import { jobFileName, type JobRef } from './jobs.js';
import { identityOf, jobIndex, JOBS_DIR, MANIFEST_FILE, type Manifest } from './manifest.js';

const CSV_TABLES = ['transactions', 'gates', 'backend'] as const;
type CsvTable = (typeof CSV_TABLES)[number];

/** What a job file records of one part file. */
interface CsvPart {
  sha256: string;
  bytes: number;
}
type CsvParts = Record<CsvTable, CsvPart | null>;

/** `p00000-r00003.json` → `p00000-r00003.transactions.csv`. */
export function partFileName(job: JobRef, table: CsvTable): string {
  return jobFileName(job).replace(/\.json$/, `.${table}.csv`);
}

/** Write the CSV part files of `csv`; returns what the job file records of them. */
async function writeParts(dir: string, job: JobRef, csv: ReplicationCsvChunks): Promise<CsvParts> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: Partial<CsvParts> = {};
  for (const table of CSV_TABLES) {
    const chunks = csv[table];
    if (chunks === null) {
      parts[table] = null;
      continue;
    }
    const hash = createHash('sha256');
    let bytes = 0;
    let text = '';
    for (const chunk of chunks) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      text += decoder.decode(chunk);
    }
    await writeFileAtomic(join(dir, JOBS_DIR, partFileName(job, table)), text);
    parts[table] = { sha256: hash.digest('hex'), bytes };
  }
  return parts as CsvParts;
}

export async function writeJob(dir: string, identity: JobIdentity, result: ReplicationResult): Promise<void> {
  let text: string;
  try {
    let data: unknown = result;
    if (result.csv !== undefined) {
      const { csv, ...rest } = result;
      data = { ...rest, csvParts: await writeParts(dir, identity, csv) };
    }
    text = jobFileText(identity, data);
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
  const { csvParts, ...result } = data as ReplicationResult & { csvParts?: CsvParts };
  if (csvParts === undefined) return result as ReplicationResult;
  return { ...(result as ReplicationResult), csv: await readParts(source.dir, job, csvParts, { path, flag, fix }) };
}

/** The part files of a job, each checked against the size and SHA-256 its job file records. */
async function readParts(dir: string, job: JobRef, parts: CsvParts, blame: { path: string; flag: string; fix: string }): Promise<ReplicationCsvChunks> {
  const encoder = new TextEncoder();
  const csv: Partial<ReplicationCsvChunks> = {};
  for (const table of CSV_TABLES) {
    const part = parts[table];
    if (part === null) {
      if (table !== 'transactions') throw new ExperimentInputError(blame.flag, `${blame.path} names no ${table}.csv part: ${blame.fix}`);
      csv.transactions = null;
      continue;
    }
    const partPath = join(dir, JOBS_DIR, partFileName(job, table));
    const text = await readTextOptional(partPath);
    if (text === null) throw new ExperimentInputError(blame.flag, `${partPath} is missing (the CSV rows of ${blame.path}): ${blame.fix}`);
    const bytes = encoder.encode(text);
    if (bytes.byteLength !== part.bytes || createHash('sha256').update(bytes).digest('hex') !== part.sha256) {
      throw new ExperimentInputError(blame.flag, `${partPath} does not match ${blame.path} (its size or SHA-256 differs: cut short, damaged or from another run): ${blame.fix}`);
    }
    csv[table] = [bytes];
  }
  return csv as ReplicationCsvChunks;
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
