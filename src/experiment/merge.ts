/**
 * `tapsim merge <dir>... --out DIR`: combine partial folders (written with --shard i/N) into
 * exactly the folder an unsharded run or sweep writes (byte-identical CSVs; run.json / sweep.json
 * differ in timings only). Refuses folders of different experiments (scenario, seed, --vary,
 * shard count) or an incomplete set of jobs, naming the folder and what differs.
 */
import { join, resolve } from 'node:path';
import { readText } from '../report/write.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { assembleRun, type RunJson } from './run-scenario.js';
import { assembleSweep, type SweepJson } from './sweep.js';
import { ExperimentInputError, finishedJobs, inShard, jobFileName, manifestDifferences, readManifest, RESOLVED_FILE, type Manifest } from './shard.js';
import { maxOf } from '../arrays.js';

export type MergeOutcome = { kind: 'run'; runJson: RunJson } | { kind: 'sweep'; sweepJson: SweepJson };

export async function mergeFolders(dirs: readonly string[], outDir: string): Promise<MergeOutcome> {
  if (dirs.length === 0) throw new ExperimentInputError('merge', 'give at least one partial folder');
  if (dirs.some((d) => resolve(d) === resolve(outDir))) throw new ExperimentInputError('--out', `${outDir} is one of the folders being merged; give a new folder`);
  const manifests: Manifest[] = [];
  for (const dir of dirs) {
    let m: Manifest | undefined;
    try {
      m = await readManifest(dir);
    } catch (error) {
      throw new ExperimentInputError(dir, `cannot read ${join(dir, 'partial.json')}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (m === undefined) throw new ExperimentInputError(dir, `${dir} is not a partial folder (no partial.json): give folders written by "tapsim run|sweep --shard i/N --out DIR"`);
    manifests.push(m);
  }
  const first = manifests[0] as Manifest;
  manifests.forEach((m, i) => {
    const diffs = manifestDifferences(first, m);
    if (diffs.length > 0) throw new ExperimentInputError(dirs[i] as string, `${dirs[i] as string} does not belong with ${dirs[0] as string}: ${diffs.join('; ')}`);
  });
  // Every job must be somewhere.
  const have = new Set<string>();
  for (const dir of dirs) for (const name of await finishedJobs(dir)) have.add(name);
  const missing: string[] = [];
  const missingShards = new Set<number>();
  let k = 0;
  first.points.forEach((p, point) => {
    for (let replication = 0; replication < p.replications; replication++, k++) {
      const name = jobFileName({ point, replication });
      if (have.has(name)) continue;
      missing.push(name.replace(/\.json$/, ''));
      const count = first.shard?.count ?? 1;
      for (let i = 0; i < count; i++) if (inShard(k, { index: i, count })) missingShards.add(i);
    }
  });
  if (missing.length > 0) {
    const count = first.shard?.count ?? 1;
    throw new ExperimentInputError(
      'merge',
      `${missing.length} of ${first.jobs} jobs missing (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}) — from shard(s) ${[...missingShards].sort((a, b) => a - b).map((i) => `${i}/${count}`).join(', ')}: give their folders, or finish them with --resume`,
    );
  }
  const resolvedText = await readText(join(dirs[0] as string, RESOLVED_FILE));
  const scenario = JSON.parse(resolvedText) as ResolvedScenario;
  const workers = maxOf(manifests.map((m) => m.workers));
  const wallTimeS = manifests.reduce((s, m) => s + m.wallTimeS, 0);
  if (first.kind === 'run') {
    const runJson = await assembleRun({ scenario, hash: first.scenario.sha256, files: [] }, dirs, { outDir, scenarioFile: first.scenario.file, workers, wallTimeS, failures: [] });
    return { kind: 'run', runJson };
  }
  const sweepJson = await assembleSweep({ scenario }, first, dirs, outDir, { workers, wallTimeS, failures: [] });
  return { kind: 'sweep', sweepJson };
}
