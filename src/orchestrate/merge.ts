/**
 * `tapsim merge <dir>... --out DIR`: combine partial folders (written with --shard i/N) into
 * exactly the folder an unsharded run or sweep writes (byte-identical CSVs; run.json / sweep.json
 * differ in timings only). Everything is checked before it is used, and a failure names the file:
 * each folder's partial.json and scenario.resolved.json (content hash, identity), that the folders
 * are one experiment (scenario, seed, --vary, shard count) written by one build (and this one,
 * unless `allowVersionMix`), that no shard is given twice, that every job is there and in the
 * folder of its shard, and — while the output is assembled in a temporary folder — every job file
 * (content hash, seed, shard, point, replication, build). A refusal leaves nothing behind.
 */
import { join, resolve } from 'node:path';
import { readTextOptional } from '../report/write.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { parseResolvedFile, shardText } from './integrity.js';
import { assembleRun, type RunJson } from './run-scenario.js';
import { assembleSweep, type SweepJson } from './sweep.js';
import { currentTool, ExperimentInputError, finishedJobs, identityOf, inShard, jobFileName, jobIndex, manifestDifferences, parseJobFileName, readManifest, RESOLVED_FILE, type JobSource } from './shard.js';

export type MergeOutcome = { kind: 'run'; runJson: RunJson } | { kind: 'sweep'; sweepJson: SweepJson };

export interface MergeOptions {
  /** Accept folders (and job files) written by another version or build of tapsim. */
  allowVersionMix?: boolean;
  /** Stops the assembly (Ctrl-C): nothing is written. */
  signal?: AbortSignal;
}

const FIX = 'finish that folder again with --resume (the command that wrote it), or give the right folder';

/** The partial folders as job sources, each with its manifest; refuses an empty list, the output among them and a folder given twice. */
async function readSources(dirs: readonly string[], outDir: string): Promise<JobSource[]> {
  if (dirs.length === 0) throw new ExperimentInputError('merge', 'give at least one partial folder');
  if (dirs.some((d) => resolve(d) === resolve(outDir))) throw new ExperimentInputError('--out', `${outDir} is one of the folders being merged; give a new folder`);
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    const key = resolve(dir);
    if (seen.has(key)) throw new ExperimentInputError('merge', `${dir} is given twice: give each partial folder once`);
    seen.set(key, dir);
  }
  const sources: JobSource[] = [];
  for (const dir of dirs) {
    const m = await readManifest(dir, 'merge');
    if (m === undefined) throw new ExperimentInputError(dir, `${dir} is not a partial folder (no partial.json): give folders written by "tapsim run|sweep --shard i/N --out DIR"`);
    sources.push({ dir, manifest: m });
  }
  return sources;
}

/** The folders are one experiment, written by this build (unless `allowVersionMix`), each shard once: the folder of each shard index. */
function checkOneExperiment(sources: readonly JobSource[], dirs: readonly string[], tool: { version: string; build: string }, options: MergeOptions): Map<number, string> {
  const first = (sources[0] as JobSource).manifest;
  const count = first.shard?.count ?? 1;
  const byShard = new Map<number, string>();
  for (const { dir, manifest: m } of sources) {
    const diffs = manifestDifferences(first, m);
    if ((m.shard?.count ?? 1) !== count && !diffs.some((d) => d.startsWith('shard count'))) diffs.push(`shard count differs (${count} vs ${m.shard?.count ?? 1})`);
    if (diffs.length > 0) throw new ExperimentInputError(dir, `${dir} does not belong with ${dirs[0] as string}: ${diffs.join('; ')}`);
    if (options.allowVersionMix !== true && (m.version !== tool.version || m.build !== tool.build)) {
      throw new ExperimentInputError('merge', `${join(dir, 'partial.json')}: the folder was written by tapsim ${m.version} build ${m.build}; this merge is ${tool.version} build ${tool.build}: merge with the build that ran the shards, or add --allow-version-mix`);
    }
    const index = m.shard?.index ?? 0;
    const other = byShard.get(index);
    if (other !== undefined) throw new ExperimentInputError('merge', `${dir} and ${other} are both ${shardText(m.shard)}: give each shard once`);
    byShard.set(index, dir);
  }
  return byShard;
}

/** Every job must be somewhere, and only in the folder of its shard. */
async function checkAllJobs(sources: readonly JobSource[], byShard: ReadonlyMap<number, string>): Promise<void> {
  const first = (sources[0] as JobSource).manifest;
  const count = first.shard?.count ?? 1;
  const have = new Set<string>();
  for (const { dir, manifest: m } of sources) {
    for (const name of await finishedJobs(dir)) {
      const job = parseJobFileName(name) ?? { point: -1, replication: -1 };
      const point = m.points[job.point];
      if (point === undefined || job.replication >= point.replications) throw new ExperimentInputError('merge', `${join(dir, 'jobs', name)} is not a job of this experiment (${m.points.length} point(s)): remove it`);
      if (!inShard(jobIndex(m, job), m.shard ?? undefined)) throw new ExperimentInputError('merge', `${join(dir, 'jobs', name)} is not a job of ${shardText(m.shard)} (${dir}): it was copied from another shard's folder; remove it`);
      have.add(name);
    }
  }
  const missing: string[] = [];
  const missingShards = new Set<number>();
  let k = 0;
  first.points.forEach((p, point) => {
    for (let replication = 0; replication < p.replications; replication++, k++) {
      const name = jobFileName({ point, replication });
      if (have.has(name)) continue;
      missing.push(name.replace(/\.json$/, ''));
      for (let i = 0; i < count; i++) if (inShard(k, { index: i, count })) missingShards.add(i);
    }
  });
  if (missing.length > 0) {
    const shards = [...missingShards].sort((a, b) => a - b).map((i) => `${i}/${count}${byShard.has(i) ? ` (${byShard.get(i) as string})` : ''}`);
    throw new ExperimentInputError(
      'merge',
      `${missing.length} of ${first.jobs} jobs missing (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}) — from shard(s) ${shards.join(', ')}: give their folders, or finish them with --resume`,
    );
  }
}

/** Each folder's resolved scenario must be intact and of this experiment; the first one is used. */
async function mergedScenario(sources: readonly JobSource[]): Promise<ResolvedScenario> {
  let scenario: ResolvedScenario | undefined;
  for (const { dir, manifest: m } of sources) {
    const path = join(dir, RESOLVED_FILE);
    const text = await readTextOptional(path);
    if (text === null) throw new ExperimentInputError('merge', `${path} is missing: ${FIX}`);
    const parsed = parseResolvedFile(text);
    if (!parsed.ok) throw new ExperimentInputError('merge', `${path} ${parsed.problem}: ${FIX}`);
    const id = parsed.value.identity;
    const expected = identityOf(m);
    const shardOk = (id.shard?.index ?? 0) === (expected.shard?.index ?? 0) && (id.shard?.count ?? 1) === (expected.shard?.count ?? 1);
    if (id.scenarioSha256 !== expected.scenarioSha256 || id.seed !== expected.seed || !shardOk || id.version !== expected.version || id.build !== expected.build) {
      throw new ExperimentInputError('merge', `${path} does not belong to ${dir} (its identity names seed ${String(id.seed)}, ${shardText(id.shard)}, scenario ${String(id.scenarioSha256).slice(0, 12)}, build ${String(id.build)}): ${FIX}`);
    }
    scenario ??= parsed.value.scenario as ResolvedScenario;
  }
  return scenario as ResolvedScenario;
}

export async function mergeFolders(dirs: readonly string[], outDir: string, options: MergeOptions = {}): Promise<MergeOutcome> {
  const sources = await readSources(dirs, outDir);
  const first = (sources[0] as JobSource).manifest;
  const tool = await currentTool();
  const byShard = checkOneExperiment(sources, dirs, tool, options);
  await checkAllJobs(sources, byShard);
  const scenario = await mergedScenario(sources);
  const workers = sources.reduce((n, s) => Math.max(n, s.manifest.workers), 0);
  const wallTimeS = sources.reduce((sum, s) => sum + s.manifest.wallTimeS, 0);
  const readOptions = options.allowVersionMix === true ? { allowVersionMix: true } : {};
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  if (first.kind === 'run') {
    const runJson = await assembleRun({ scenario, hash: first.scenario.sha256 }, sources, { outDir, scenarioFile: first.scenario.file, workers, wallTimeS, failures: [], readOptions, ...signal });
    return { kind: 'run', runJson };
  }
  const sweepJson = await assembleSweep({ scenario }, first, sources, outDir, { workers, wallTimeS, failures: [], readOptions, ...signal });
  return { kind: 'sweep', sweepJson };
}
