/**
 * `tapsim merge` of study shards (`tapsim study --shard i/N`): the folders must be one study
 * (study.json identity), one shard count, each shard once and all of them, written by this build
 * (unless `allowVersionMix`). Then, into a temporary folder renamed at the end: each sweep is
 * merged from its sub-folders by mergeFolders (every job file checked, byte-identical CSVs), each
 * band comparison and sizing is copied from the shard that ran it after its files are checked
 * against that shard's study.json, and the study report and study.json are written last.
 * A refusal leaves nothing behind.
 */
import { join, resolve } from 'node:path';
import { readText, writeFolderAtomic } from '../report/write.js';
import { mergeFolders, type MergeOptions } from './merge.js';
import { currentTool, ExperimentInputError } from './shard.js';
import { filesUnder, folderProblem, readStudyJson, writeStudyJson, type StudyExperimentRecord, type StudyJson } from './study-json.js';
import { writeStudyReport } from './study-page.js';

const shardName = (s: StudyJson['shard']): string => (s === null ? 'unsharded' : `shard ${s.index}/${s.count}`);

/** The study.json of every folder, checked to be the shards of one study, by shard index. */
async function readShards(dirs: readonly string[], outDir: string, options: MergeOptions): Promise<Map<number, { dir: string; json: StudyJson }>> {
  if (dirs.some((d) => resolve(d) === resolve(outDir))) throw new ExperimentInputError('--out', `${outDir} is one of the folders being merged; give a new folder`);
  const tool = await currentTool();
  const byShard = new Map<number, { dir: string; json: StudyJson }>();
  let first: { dir: string; json: StudyJson } | undefined;
  for (const dir of dirs) {
    const json = await readStudyJson(dir, 'merge');
    if (json === undefined) throw new ExperimentInputError(dir, `${dir} is not a study folder (no study.json): merge the shards of one study, each written by "tapsim study --shard i/N --out DIR"`);
    first ??= { dir, json };
    if (json.identity !== first.json.identity) throw new ExperimentInputError(dir, `${dir} does not belong with ${first.dir}: another study (the scenario, a seed or an experiment differs)`);
    if ((json.shard?.count ?? 1) !== (first.json.shard?.count ?? 1)) throw new ExperimentInputError(dir, `${dir} does not belong with ${first.dir}: shard count differs (${json.shard?.count ?? 1} vs ${first.json.shard?.count ?? 1})`);
    if (options.allowVersionMix !== true && (json.version !== tool.version || json.build !== tool.build)) {
      throw new ExperimentInputError('merge', `${join(dir, 'study.json')}: the folder was written by tapsim ${json.version} build ${json.build}; this merge is ${tool.version} build ${tool.build}: merge with the build that ran the shards, or add --allow-version-mix`);
    }
    const index = json.shard?.index ?? 0;
    const other = byShard.get(index);
    if (other !== undefined) throw new ExperimentInputError('merge', `${dir} and ${other.dir} are both ${shardName(json.shard)}: give each shard once`);
    byShard.set(index, { dir, json });
  }
  const count = first?.json.shard?.count ?? 1;
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byShard.has(i));
  if (missing.length > 0) throw new ExperimentInputError('merge', `shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} of the study are missing: give their folders (tapsim study --shard i/${count} --out DIR)`);
  return byShard;
}

/** The record of a comparison or sizing in the shard that ran it; it must be finished and intact. */
async function ownedExperiment(byShard: ReadonlyMap<number, { dir: string; json: StudyJson }>, e: StudyExperimentRecord): Promise<{ dir: string; record: StudyExperimentRecord }> {
  const owner = byShard.get(e.owner ?? 0) as { dir: string; json: StudyJson };
  const record = owner.json.experiments.find((x) => x.name === e.name);
  const dir = join(owner.dir, e.name);
  if (record === undefined || record.status !== 'complete' || record.files === undefined) throw new ExperimentInputError('merge', `${dir}: the ${e.kind} "${e.name}" of shard ${e.owner ?? 0} is not finished: finish that shard again with --resume (the command that wrote it)`);
  const problem = await folderProblem(dir, record.files);
  if (problem !== undefined) throw new ExperimentInputError('merge', `${problem}: finish that shard again with --resume, or give the right folder`);
  return { dir, record };
}

export async function mergeStudies(dirs: readonly string[], outDir: string, options: MergeOptions = {}): Promise<StudyJson> {
  const byShard = await readShards(dirs, outDir, options);
  const shards = [...byShard.keys()].sort((a, b) => a - b).map((i) => byShard.get(i) as { dir: string; json: StudyJson });
  const first = (shards[0] as { json: StudyJson }).json;
  // Every check of the comparisons and sizings before anything is written.
  const owned = new Map<string, { dir: string; record: StudyExperimentRecord }>();
  for (const e of first.experiments) if (e.kind !== 'sweep') owned.set(e.name, await ownedExperiment(byShard, e));
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  return writeFolderAtomic(outDir, async (w) => {
    const experiments: StudyExperimentRecord[] = [];
    for (const e of first.experiments) {
      const target = join(w.path, e.name);
      const own = owned.get(e.name);
      if (own === undefined) {
        const sweep = await mergeFolders(shards.map((s) => join(s.dir, e.name)), target, options);
        const s = sweep.kind === 'sweep' ? sweep.sweepJson : undefined;
        experiments.push({ ...e, status: 'complete', failures: 0, summary: `${s?.points ?? 0} point(s), ${s?.jobs ?? 0} job(s), fingerprint ${(s?.fingerprint ?? '').slice(0, 16)}` });
        continue;
      }
      for (const path of await filesUnder(own.dir)) await w.writeFile(`${e.name}/${path}`, await readText(join(own.dir, path)));
      experiments.push(own.record);
    }
    const json: StudyJson = { ...first, shard: null, status: 'complete', wallTimeS: Math.round(shards.reduce((t, s) => t + s.json.wallTimeS, 0) * 1000) / 1000, experiments };
    await writeStudyReport(w.path, json);
    await writeStudyJson(w.path, json);
    return json;
  }, signal);
}
