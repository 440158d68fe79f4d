/**
 * Integrity of partial results (against accidental corruption and mix-ups, not deliberate
 * tampering: there are no keys). Every file of a work folder that `tapsim merge` or `--resume`
 * reads back carries the experiment's identity and a SHA-256 over its identity and data:
 *
 * - a job file `jobs/p<point>-r<replication>.json`: `{"format":"tapsim-job/2","identity":{…},"sha256":…,"data":<the replication's result>}`;
 * - `partial.json`: the manifest with `format`, `build` and `sha256` (over every other field);
 * - `scenario.resolved.json` of a work folder: `{"format":"tapsim-resolved/2","identity":…,"sha256":…,"scenario":…}`.
 *
 * Hashes are taken over the JSON text of the parsed values (JSON.stringify, keys in file order),
 * so whitespace does not matter but any changed value, key or number does. Pure functions: the
 * callers (shard.ts, merge.ts) read the files and name them in their messages.
 */
import { canonicalJson, sha256 } from '../scenario/load.js';
import { parseJsonExact, stringifyJsonExact } from '../report/write.js';

export const JOB_FORMAT = 'tapsim-job/2';
export const MANIFEST_FORMAT = 'tapsim-partial/2';
export const RESOLVED_FORMAT = 'tapsim-resolved/2';

export interface ShardRef {
  index: number;
  count: number;
}

/** Which experiment a file belongs to, and what wrote it. */
export interface ExperimentIdentity {
  tool: 'tapsim';
  version: string;
  build: string;
  /** SHA-256 of the base resolved scenario (with --set, before --vary). */
  scenarioSha256: string;
  seed: number;
  shard: ShardRef | null;
}

export interface JobIdentity extends ExperimentIdentity {
  point: number;
  replication: number;
  /** SHA-256 of the point's resolved scenario. */
  pointSha256: string;
}

/** A problem with a file's content, as the end of a sentence that starts with the file's name. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

function hashOf(identityText: string, dataText: string): string {
  return sha256(`${identityText}\n${dataText}`);
}

function parse(text: string): Checked<unknown> {
  if (text.trim() === '') return { ok: false, problem: 'is empty' };
  try {
    return { ok: true, value: parseJsonExact(text) };
  } catch {
    return { ok: false, problem: 'is not valid JSON (cut short or damaged)' };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ------------------------------------------------------------------ job files

export function jobFileText(identity: JobIdentity, data: unknown): string {
  const i = stringifyJsonExact(identity);
  const d = stringifyJsonExact(data);
  return `{"format":${JSON.stringify(JOB_FORMAT)},"identity":${i},"sha256":"${hashOf(i, d)}","data":${d}}\n`;
}

const JOB_PREFIX = `{"format":${JSON.stringify(JOB_FORMAT)},"identity":`;
const HASH_KEY = ',"sha256":"';
const DATA_KEY = '","data":';

/**
 * A job file exactly as jobFileText wrote it: its identity and data texts, when the layout is
 * jobFileText's and they hash to the recorded hash (then no value can differ), else undefined.
 */
function asWritten(text: string): { identity: string; data: string } | undefined {
  if (!text.startsWith(JOB_PREFIX)) return undefined;
  const at = text.indexOf(HASH_KEY, JOB_PREFIX.length);
  if (at < 0) return undefined;
  const hash = text.slice(at + HASH_KEY.length, at + HASH_KEY.length + 64);
  const dataAt = at + HASH_KEY.length + 64;
  if (!/^[0-9a-f]{64}$/.test(hash) || !text.startsWith(DATA_KEY, dataAt)) return undefined;
  const end = text.endsWith('}\n') ? text.length - 2 : text.endsWith('}') ? text.length - 1 : -1;
  if (end < dataAt + DATA_KEY.length) return undefined;
  const identity = text.slice(JOB_PREFIX.length, at);
  const data = text.slice(dataAt + DATA_KEY.length, end);
  return hashOf(identity, data) === hash ? { identity, data } : undefined;
}

/**
 * Parse a job file and check its hash (not yet its identity: see identityProblems). A file as
 * written is checked on its text (fast); any other layout (re-indented, keys moved) is parsed
 * and its values re-serialised, so whitespace does not matter but a changed value does.
 */
export function parseJobFile(text: string): Checked<{ identity: JobIdentity; data: unknown }> {
  const written = asWritten(text);
  if (written !== undefined) {
    try {
      const identity = parseJsonExact(written.identity);
      const data = parseJsonExact(written.data);
      if (isRecord(identity) && isRecord(data)) return { ok: true, value: { identity: identity as unknown as JobIdentity, data } };
    } catch {
      // fall through to the full check
    }
  }
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (!isRecord(v)) return { ok: false, problem: 'is not a tapsim job file' };
  if (v['format'] !== JOB_FORMAT) {
    return { ok: false, problem: 'result' in v ? 'was written by an older tapsim (no identity or content hash)' : `is not a tapsim job file (format ${JSON.stringify(v['format'] ?? null)}, expected "${JOB_FORMAT}")` };
  }
  if (!isRecord(v['identity']) || typeof v['sha256'] !== 'string' || !isRecord(v['data'])) return { ok: false, problem: 'is not a complete tapsim job file (identity, sha256 or data missing)' };
  if (hashOf(stringifyJsonExact(v['identity']), stringifyJsonExact(v['data'])) !== v['sha256']) return { ok: false, problem: 'was edited or damaged (its content hash does not match)' };
  return { ok: true, value: { identity: v['identity'] as unknown as JobIdentity, data: v['data'] } };
}

// ------------------------------------------------------------------ partial.json

/** The manifest's text with its hash; `manifest` must not hold `sha256`. */
export function manifestText(manifest: Record<string, unknown>): string {
  const withFormat = { format: MANIFEST_FORMAT, ...manifest };
  const hash = sha256(JSON.stringify(withFormat));
  return JSON.stringify({ ...withFormat, sha256: hash }, null, 2) + '\n';
}

export function parseManifestText(text: string): Checked<Record<string, unknown>> {
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (!isRecord(v) || v['tool'] !== 'tapsim') return { ok: false, problem: 'is not a tapsim manifest' };
  if (v['format'] !== MANIFEST_FORMAT) return { ok: false, problem: v['format'] === undefined ? 'was written by an older tapsim (no identity or content hash): run that shard again' : `has an unknown format ${JSON.stringify(v['format'])}` };
  const { sha256: hash, ...rest } = v;
  if (typeof hash !== 'string' || sha256(JSON.stringify(rest)) !== hash) return { ok: false, problem: 'was edited or damaged (its content hash does not match)' };
  return { ok: true, value: rest };
}

// ------------------------------------------------------------------ scenario.resolved.json (work folders)

export function resolvedFileText(identity: ExperimentIdentity, scenario: unknown): string {
  const i = JSON.stringify(identity);
  const hash = hashOf(i, canonicalJson(scenario));
  return `{\n"format": ${JSON.stringify(RESOLVED_FORMAT)},\n"identity": ${i},\n"sha256": "${hash}",\n"scenario": ${canonicalJson(scenario, 2)}\n}\n`;
}

export function parseResolvedFile(text: string): Checked<{ identity: ExperimentIdentity; scenario: unknown }> {
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (!isRecord(v) || v['format'] !== RESOLVED_FORMAT || !isRecord(v['identity']) || !isRecord(v['scenario'])) {
    return { ok: false, problem: isRecord(v) && v['format'] === undefined ? 'was written by an older tapsim (no identity or content hash): run that shard again' : 'is not a tapsim work folder\'s resolved scenario' };
  }
  if (hashOf(JSON.stringify(v['identity']), canonicalJson(v['scenario'])) !== v['sha256']) return { ok: false, problem: 'was edited or damaged (its content hash does not match)' };
  const identity = v['identity'] as unknown as ExperimentIdentity;
  if (sha256(canonicalJson(v['scenario'])) !== identity.scenarioSha256) return { ok: false, problem: 'holds another scenario than its identity names' };
  return { ok: true, value: { identity, scenario: v['scenario'] } };
}

// ------------------------------------------------------------------ identity checks

export function shardText(shard: ShardRef | null): string {
  return shard === null ? 'unsharded' : `shard ${shard.index}/${shard.count}`;
}

function sameShard(a: ShardRef | null, b: ShardRef | null): boolean {
  return (a?.index ?? 0) === (b?.index ?? 0) && (a?.count ?? 1) === (b?.count ?? 1);
}

/**
 * How `actual` differs from `expected` (empty: it belongs). Version and build differences are
 * reported separately, as `versionMix`, so a caller can allow them (--allow-version-mix).
 * `anyShard`: the reading folder is unsharded (a shard folder finished with --resume), so a job
 * of any shard is accepted; its shard must still own its index (`jobIndex`).
 */
export function identityProblems(actual: Partial<JobIdentity>, expected: ExperimentIdentity & Partial<JobIdentity>, options: { anyShard?: boolean; jobIndex?: number } = {}): { problems: string[]; versionMix: string | undefined } {
  const problems: string[] = [];
  if (actual.tool !== 'tapsim') problems.push('it is not a tapsim file');
  if (actual.scenarioSha256 !== expected.scenarioSha256) problems.push(`it belongs to another scenario (sha256 ${String(actual.scenarioSha256).slice(0, 12)}, not ${expected.scenarioSha256.slice(0, 12)})`);
  if (actual.seed !== expected.seed) problems.push(`it belongs to seed ${String(actual.seed)}, not ${expected.seed}`);
  if (expected.point !== undefined && actual.point !== expected.point) problems.push(`it holds point ${String(actual.point)}, not ${expected.point}`);
  if (expected.replication !== undefined && actual.replication !== expected.replication) problems.push(`it holds replication ${String(actual.replication)}, not ${expected.replication}`);
  if (expected.pointSha256 !== undefined && actual.pointSha256 !== expected.pointSha256 && actual.scenarioSha256 === expected.scenarioSha256) problems.push('it belongs to another point scenario (--vary values or --set)');
  const actualShard = actual.shard ?? null;
  if (options.anyShard === true) {
    if (actualShard !== null && options.jobIndex !== undefined && options.jobIndex % actualShard.count !== actualShard.index) problems.push(`${shardText(actualShard)} does not hold this job`);
  } else if (!sameShard(actualShard, expected.shard)) problems.push(`it belongs to ${shardText(actualShard)}, not ${shardText(expected.shard)}`);
  const versionMix = actual.version !== expected.version || actual.build !== expected.build ? `it was written by tapsim ${String(actual.version)} build ${String(actual.build)}, not ${expected.version} build ${expected.build}` : undefined;
  return { problems, versionMix };
}
