/**
 * `study.json`, the record of a study folder (`tapsim study`): what the study is (its identity:
 * the base scenario, every experiment as planned, the tool), which shard a folder holds, and the
 * status of each experiment. Like a work folder's partial.json (integrity.ts) it carries a
 * SHA-256 over every other field, so --resume and merge refuse a cut or edited file by name.
 * A finished band comparison or sizing records the SHA-256 of every file of its folder: merge and
 * --resume check them before they copy or keep it (sweeps check their own job files).
 */
import { join } from 'node:path';
import { canonicalJson, sha256 } from '../scenario/load.js';
import { currentFileSystem } from '../report/file-system.js';
import { listFiles, readText, readTextOptional, writeFileAtomic } from '../report/write.js';
import { ExperimentInputError } from './input-error.js';
import type { Shard } from './jobs.js';
import type { ExperimentPlan } from './study-plan.js';

export const STUDY_FILE = 'study.json';
export const STUDY_FORMAT = 'tapsim-study/1';

export type ExperimentStatus = 'pending' | 'complete' | 'partial' | 'other-shard';

export interface StudyExperimentRecord {
  name: string;
  kind: ExperimentPlan['kind'];
  /** The experiment as the file declares it. */
  spec: unknown;
  /** SHA-256 of the experiment's base resolved scenario (with its overrides). */
  scenarioSha256: string;
  /** The shard that runs a band comparison or sizing whole (index mod shard count); null for sweeps (every shard runs its share). */
  owner: number | null;
  status: ExperimentStatus;
  /** Failed replications (exit 1). */
  failures: number;
  /** One line for the study report. */
  summary: string;
  /** A finished comparison or sizing: SHA-256 of each of its files, by path in its folder. */
  files?: Record<string, string>;
}

export interface StudyJson {
  format: typeof STUDY_FORMAT;
  tool: 'tapsim';
  version: string;
  build: string;
  /** SHA-256 over the scenario, seed and every planned experiment: two folders are one study when it agrees. */
  identity: string;
  scenario: { name: string; file: string | null; sha256: string };
  seed: number;
  shard: Shard | null;
  status: 'running' | 'partial' | 'complete';
  wallTimeS: number;
  experiments: StudyExperimentRecord[];
}

/** The identity of a study: its scenario and every experiment as planned (overrides, scenario hash). */
export function studyIdentity(baseSha256: string, seed: number, plans: readonly ExperimentPlan[]): string {
  return sha256(canonicalJson({ scenario: baseSha256, seed, experiments: plans.map((p) => ({ name: p.name, kind: p.kind, spec: p.spec, scenario: p.loaded.hash, overrides: p.overrides.map((o) => ({ path: o.path, value: o.value })) })) }));
}

export async function writeStudyJson(dir: string, json: StudyJson): Promise<void> {
  const hash = sha256(JSON.stringify(json));
  await writeFileAtomic(join(dir, STUDY_FILE), JSON.stringify({ ...json, sha256: hash }, null, 2) + '\n');
}

/** The study.json of `dir`, undefined when there is none; cut, edited or foreign files are refused naming `flag`. */
export async function readStudyJson(dir: string, flag: string): Promise<StudyJson | undefined> {
  const path = join(dir, STUDY_FILE);
  const text = await readTextOptional(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return null;
    throw error;
  });
  if (text === null) return undefined;
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ExperimentInputError(flag, `${path} is not valid JSON (cut short or damaged): run the study again into another folder, or with --force`);
  }
  if (value['tool'] !== 'tapsim' || value['format'] !== STUDY_FORMAT) throw new ExperimentInputError(flag, `${path} is not a tapsim study record (format ${JSON.stringify(value['format'] ?? null)}, expected "${STUDY_FORMAT}")`);
  const { sha256: hash, ...rest } = value;
  if (hash !== sha256(JSON.stringify(rest))) throw new ExperimentInputError(flag, `${path} was edited or damaged (its content hash does not match): run the study again into another folder, or with --force`);
  return rest as unknown as StudyJson;
}

/** Every file under `dir` (relative paths, "/"-separated, sorted), temporary files left out. */
export async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const name of await listFiles(dir)) {
    const info = await currentFileSystem().stat(join(dir, name));
    if (info.isDirectory()) for (const path of await filesUnder(join(dir, name), `${prefix}${name}/`)) out.push(path);
    else out.push(`${prefix}${name}`);
  }
  return out;
}

/** SHA-256 of every file of a finished experiment folder. */
export async function folderHashes(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const path of await filesUnder(dir)) hashes[path] = sha256(await readText(join(dir, path)));
  return hashes;
}

/** Why the folder `dir` is not what `record.files` says (a file missing, added, edited), or undefined. */
export async function folderProblem(dir: string, files: Readonly<Record<string, string>>): Promise<string | undefined> {
  const have = await filesUnder(dir);
  for (const path of Object.keys(files)) {
    if (!have.includes(path)) return `${join(dir, path)} is missing`;
    if (sha256(await readText(join(dir, path))) !== files[path]) return `${join(dir, path)} was edited or damaged (its SHA-256 differs from study.json's)`;
  }
  const extra = have.find((p) => !(p in files));
  return extra === undefined ? undefined : `${join(dir, extra)} is not a file of the finished experiment`;
}
