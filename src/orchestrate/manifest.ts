/** The manifest of a work folder (partial.json): what experiment it computes and which shard. */
import { join } from 'node:path';
import { readTextOptional, writeFileAtomic } from '../report/write.js';
import { buildId, toolVersion } from '../experiment/version.js';
import { ExperimentInputError } from './input-error.js';
import { manifestText, parseManifestText, type ExperimentIdentity } from './integrity.js';
import type { JobRef, Shard } from './jobs.js';

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

/** The version and build of the running tool, as a manifest records them. */
export async function currentTool(): Promise<{ version: string; build: string }> {
  const [version, build] = await Promise.all([toolVersion(), buildId()]);
  return { version, build };
}
