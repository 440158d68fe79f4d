/**
 * The only module that writes files (DESIGN §2): run folders, written atomically — every file
 * goes into a temporary folder beside the target, which is then renamed into place — and the
 * summary.csv writer with a fixed column order and fixed number formatting (DESIGN §4.11).
 *
 * Every operation goes through the file-system seam (file-system.ts) and fails as a
 * FileSystemError naming the path, the cause and the fix. Temporary folders are named
 * `.<name>.tmp-<host>-<pid>-<random>`, so the next run into the same place can tell a stale one
 * (its process is gone) from one being written, and removes the stale ones (`cleanStaleTemps`).
 * Folders are created with mkdir, so they get the user's umask (readable by others by default).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { currentFileSystem, ensureFolder, explainFsError, FileSystemError, isFileSystemError, nodeFileSystem, withFileSystem, type FileSystem, type FileInfo } from './file-system.js';
import { stringify as stringifyStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';

export { currentFileSystem, FileSystemError, isFileSystemError, nodeFileSystem, withFileSystem, type FileSystem, type FileInfo };

/**
 * Fixed number format: integers as integers; otherwise up to 6 significant digits without an
 * exponent for 1e-6 ≤ |x| < 1e15, trailing zeros removed; exponent form outside that range;
 * NaN, Inf, -Inf spelled out; -0 as 0.
 */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (Number.isInteger(x) && abs < 1e15) return String(x);
  if (abs >= 1e-6 && abs < 1e15) {
    const decimals = Math.min(20, Math.max(0, 5 - Math.floor(Math.log10(abs))));
    const text = stripZeros(x.toFixed(decimals));
    return text === '-0' ? '0' : text;
  }
  const [mantissa, exponent] = x.toExponential(5).split('e');
  return `${stripZeros(mantissa ?? '')}e${exponent ?? ''}`;
}

function stripZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** One summary row per replication. */
export interface SummaryRow {
  replication: number;
  seed: number;
  events: number;
  metrics: Readonly<Record<string, number>>;
}

/** summary.csv: `replication,seed,events,` then metric names sorted (union over rows); empty cell for a missing metric. */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))].sort();
  const header = ['replication', 'seed', 'events', ...names];
  const body = rows.map((r) => [
    formatNumber(r.replication),
    formatNumber(r.seed),
    formatNumber(r.events),
    ...names.map((n) => (r.metrics[n] === undefined ? '' : formatNumber(r.metrics[n] as number))),
  ]);
  return stringify([header, ...body], { record_delimiter: '\n' });
}


/** Files that mark a folder tapsim wrote (a run, sweep, comparison, sizing, field maps, or a partial/work folder). */
export const RUN_FOLDER_MARKERS = ['run.json', 'sweep.json', 'compare.json', 'size.json', 'partial.json', 'field.json'] as const;
/** Markers of a finished result folder (every marker but partial.json). */
const RESULT_MARKERS = RUN_FOLDER_MARKERS.filter((m) => m !== 'partial.json');

/** The result marker (run.json, sweep.json, …) in `dir`, if it holds a finished tapsim result. */
export async function resultMarkerIn(dir: string): Promise<string | undefined> {
  let entries: string[];
  try {
    entries = await currentFileSystem().readdir(dir);
  } catch {
    return undefined;
  }
  return RESULT_MARKERS.find((m) => entries.includes(m));
}

/** Result of checking a target folder before a run (nothing is written). */
export type OutDirCheck = { ok: true; replaces: 'nothing' | 'empty-folder' | 'run-folder' | 'work-folder' | 'forced' } | { ok: false; message: string };

export interface OutDirPolicy {
  /** The run resumes: a work folder (partial.json) is what it expects, a finished one it checks itself. */
  resume?: boolean;
  /** An existing result or work folder needs `force` too (run, sweep, compare, size, merge). */
  keepResults?: boolean;
}

/**
 * May a command write to `dir`? A missing or empty folder is fine. Any other existing file or
 * folder is refused unless `force`, with two exceptions: a tapsim folder (run.json, …) is replaced
 * when `policy.keepResults` is off (field maps), and a work or result folder is accepted with
 * `policy.resume`. Throws a FileSystemError when `dir` cannot be looked at (below a file, …).
 */
export async function checkOutDir(dir: string, force: boolean, policy: OutDirPolicy = {}): Promise<OutDirCheck> {
  const fs = currentFileSystem();
  let info: FileInfo;
  try {
    info = await fs.stat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, replaces: 'nothing' };
    throw await explainFsError(error, dir, 'use', 'write');
  }
  if (!info.isDirectory()) return force ? { ok: true, replaces: 'forced' } : { ok: false, message: `${dir} exists and is not a folder (use --force to replace it)` };
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch (error) {
    throw await explainFsError(error, dir, 'list', 'read');
  }
  if (entries.length === 0) return { ok: true, replaces: 'empty-folder' };
  const result = RESULT_MARKERS.find((m) => entries.includes(m));
  const work = entries.includes('partial.json');
  if (result === undefined && !work) {
    return force ? { ok: true, replaces: 'forced' } : { ok: false, message: `${dir} exists and is not a tapsim run folder (no run.json); refusing to replace it (use --force)` };
  }
  if (policy.keepResults !== true) return { ok: true, replaces: 'run-folder' };
  if (policy.resume === true) return { ok: true, replaces: result === undefined ? 'work-folder' : 'run-folder' };
  if (force) return { ok: true, replaces: 'forced' };
  if (result === undefined) {
    const jobs = (await listFiles(join(dir, 'jobs'))).filter((n) => n.endsWith('.json')).length;
    return { ok: false, message: `${dir} holds an unfinished run (partial.json, ${jobs} finished job(s) in jobs/): add --resume to finish it, or --force to start over` };
  }
  return { ok: false, message: `${dir} already holds a tapsim result (${result}): add --force to replace it, or give another --out` };
}

/**
 * Write `files` (name → content) as the folder `dir`, atomically (see writeFolderAtomic).
 */
export async function writeRunFolder(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  await writeFolderAtomic(dir, async (w) => {
    for (const [name, content] of Object.entries(files)) await w.writeFile(name, content);
  });
}

/** A streaming CSV file being written (csv-stringify's streaming API; waits on backpressure). */
export interface CsvSink {
  write(row: readonly string[]): Promise<void>;
  /** Flush and close; resolves once the file is complete on disk. */
  end(): Promise<void>;
}

/** Writes into the temporary folder of `writeFolderAtomic`. */
export interface FolderWriter {
  /** The temporary folder. */
  readonly path: string;
  writeFile(name: string, content: string): Promise<void>;
  /** Open a CSV file with its header row; rows are streamed to disk. */
  openCsv(name: string, header: readonly string[]): Promise<CsvSink>;
}

function checkName(name: string): void {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.') || name === '') throw new Error(`bad file name ${name}`);
}

async function openCsvFile(path: string, header: readonly string[], signal: AbortSignal | undefined): Promise<CsvSink> {
  const file = currentFileSystem().createWriteStream(path);
  const csv = stringifyStream({ record_delimiter: '\n' });
  csv.pipe(file);
  let failure: Error | undefined;
  const onError = (error: Error): void => {
    failure ??= error;
  };
  csv.on('error', onError);
  file.on('error', onError);
  const fail = async (error: unknown): Promise<never> => {
    throw await explainFsError(error, path, 'write', 'write');
  };
  const sink: CsvSink = {
    async write(row) {
      if (failure !== undefined) return fail(failure);
      signal?.throwIfAborted();
      if (!csv.write(row)) {
        await new Promise<void>((resolveDrain, reject) => {
          const onDrain = (): void => {
            file.off('error', onFail);
            resolveDrain();
          };
          const onFail = (error: Error): void => {
            csv.off('drain', onDrain);
            reject(error);
          };
          csv.once('drain', onDrain);
          file.once('error', onFail);
        }).catch(fail);
      }
    },
    async end() {
      csv.end();
      try {
        await finished(file);
      } catch (error) {
        return fail(failure ?? error);
      }
      if (failure !== undefined) return fail(failure);
    },
  };
  await sink.write(header);
  return sink;
}

/** `.<name>.tmp-<host>-<pid>-<random>`: who writes a temporary file or folder (see cleanStaleTemps). */
function tempName(name: string): string {
  const host = hostname().replace(/[^A-Za-z0-9_]+/g, '_').slice(0, 40) || 'host';
  return `.${name}.tmp-${host}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Build the folder `dir` atomically: `fill` writes into a temporary folder in the same parent,
 * which is then renamed to `dir`. An existing `dir` is moved aside first and removed after the
 * rename (callers check it with `checkOutDir`). If `fill` throws (an error, an abort of
 * `options.signal`, checked before every file) the temporary folder is removed and `dir` is left
 * as it was: nothing half-written. `options.carry` names entries of the existing `dir` to move
 * into the new folder just before the swap (a run's kept jobs).
 */
export async function writeFolderAtomic<T>(dir: string, fill: (w: FolderWriter) => Promise<T>, options: { signal?: AbortSignal; carry?: readonly string[] } = {}): Promise<T> {
  const fs = currentFileSystem();
  const { signal } = options;
  const target = resolve(dir);
  const parent = dirname(target);
  await ensureFolder(parent);
  const temp = join(parent, tempName(basename(target)));
  try {
    await fs.mkdir(temp, { recursive: false });
  } catch (error) {
    throw await explainFsError(error, target, 'create', 'write');
  }
  const open: CsvSink[] = [];
  try {
    const writer: FolderWriter = {
      path: temp,
      async writeFile(name, content) {
        checkName(name);
        signal?.throwIfAborted();
        await writeText(join(temp, name), content);
      },
      async openCsv(name, header) {
        checkName(name);
        signal?.throwIfAborted();
        const sink = await openCsvFile(join(temp, name), header, signal);
        open.push(sink);
        return sink;
      },
    };
    const value = await fill(writer);
    signal?.throwIfAborted();
    let aside: string | undefined;
    let exists = true;
    try {
      await fs.stat(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw await explainFsError(error, target, 'replace', 'write');
      exists = false;
    }
    if (exists) {
      for (const name of options.carry ?? []) {
        try {
          await fs.rename(join(target, name), join(temp, name));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw await explainFsError(error, join(target, name), 'move', 'write');
        }
      }
      aside = `${temp}.old`;
      await renameOrExplain(target, aside, target, 'replace');
    }
    await renameOrExplain(temp, target, target, 'write');
    if (aside !== undefined) await fs.rm(aside, { recursive: true, force: true }).catch(() => {});
    return value;
  } catch (error) {
    await Promise.allSettled(open.map((s) => s.end()));
    await fs.rm(temp, { recursive: true, force: true }).catch(() => {});
    // Name the folder the user asked for, not the temporary one.
    throw isFileSystemError(error) ? error.replacing(temp, target) : error;
  }
}

async function renameOrExplain(from: string, to: string, shown: string, action: string): Promise<void> {
  try {
    await currentFileSystem().rename(from, to);
  } catch (error) {
    throw await explainFsError(error, shown, action, 'write');
  }
}

/** What cleanStaleTemps found beside (and inside) a target folder. */
export interface StaleTemps {
  /** Temporary folders and files of interrupted runs, removed. */
  removed: string[];
  /** Ones left alone, with the reason (another process writes them, or they may be worth keeping). */
  kept: Array<{ path: string; reason: string }>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who owns a temporary name (tempName), if it says. */
function tempOwner(rest: string): { host: string; pid: number } | undefined {
  const m = /^(.+)-(\d+)-[0-9a-f]{8}(?:\.old)?$/.exec(rest);
  return m === null ? undefined : { host: m[1] as string, pid: Number(m[2]) };
}

/**
 * Remove the temporary folders and files that interrupted runs left for `dir`:
 * `.<name>.tmp-*` beside it, and `.*.tmp-*` inside it and its jobs/ folder; with `siblings`, also
 * this version's temporary folders of other names beside it (default folders under results/ never
 * reuse a name). One whose process is still running on this host, or that was made on another
 * host, is kept and named; so is a complete folder (it holds a result marker) whose target is
 * missing — a run killed while renaming it into place.
 */
export async function cleanStaleTemps(dir: string, options: { siblings?: boolean } = {}): Promise<StaleTemps> {
  const fs = currentFileSystem();
  const target = resolve(dir);
  const out: StaleTemps = { removed: [], kept: [] };
  const host = hostname().replace(/[^A-Za-z0-9_]+/g, '_').slice(0, 40) || 'host';
  const exists = async (path: string): Promise<boolean> => fs.stat(path).then(() => true, () => false);
  /** `match(name)`: the owner part of a temporary name, and the folder it was building (for folders beside the target). */
  const sweep = async (folder: string, match: (name: string) => { rest: string; target?: string } | undefined): Promise<void> => {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const m = match(name);
      if (m === undefined) continue;
      const path = join(folder, name);
      const owner = tempOwner(m.rest);
      if (owner !== undefined && owner.host !== host) {
        out.kept.push({ path, reason: `made by tapsim on host ${owner.host} (pid ${owner.pid}); delete it once that run has ended` });
        continue;
      }
      if (owner !== undefined && owner.pid !== process.pid && processAlive(owner.pid)) {
        out.kept.push({ path, reason: `being written by tapsim (pid ${owner.pid}) right now` });
        continue;
      }
      if (owner !== undefined && owner.pid === process.pid) continue;
      if (m.target !== undefined && !name.endsWith('.old') && !(await exists(join(folder, m.target)))) {
        const entries = await fs.readdir(path).catch(() => [] as string[]);
        if (RESULT_MARKERS.some((marker) => entries.includes(marker))) {
          out.kept.push({ path, reason: `a complete result of a run stopped while moving it into place: rename it to ${m.target}, or delete it` });
          continue;
        }
      }
      await fs.rm(path, { recursive: true, force: true }).catch(() => {});
      out.removed.push(path);
    }
  };
  // Names tapsim makes: tempName's, and those of earlier versions (mkdtemp's 6 characters, a UUID).
  const ours = (rest: string): boolean => tempOwner(rest) !== undefined || /^[A-Za-z0-9]{6}(\.old)?$/.test(rest) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(rest);
  const base = basename(target);
  const prefix = `.${base}.tmp-`;
  await sweep(dirname(target), (n) => {
    if (n.startsWith(prefix) && ours(n.slice(prefix.length))) return { rest: n.slice(prefix.length), target: base };
    if (options.siblings !== true) return undefined;
    const m = /^\.(.+)\.tmp-(.+)$/.exec(n);
    return m !== null && tempOwner(m[2] as string) !== undefined ? { rest: m[2] as string, target: m[1] as string } : undefined;
  });
  const inner = (n: string): { rest: string } | undefined => {
    const m = /^\..+?\.tmp-(.+)$/.exec(n);
    return m === null || !ours(m[1] as string) ? undefined : { rest: m[1] as string };
  };
  if (await exists(target)) {
    await sweep(target, inner);
    await sweep(join(target, 'jobs'), inner);
  }
  return out;
}

// ------------------------------------------------------------------ work folders (jobs/)

/** Non-finite numbers survive JSON as tagged strings. */
const NON_FINITE: Record<string, number> = { '\u0000NaN': NaN, '\u0000Inf': Infinity, '\u0000-Inf': -Infinity };

function tagOf(v: number): string {
  return Number.isNaN(v) ? '\u0000NaN' : v > 0 ? '\u0000Inf' : '\u0000-Inf';
}

/** Thrown by `tagged` for values JSON.stringify treats specially (typed arrays, toJSON): use the replacer. */
const USE_REPLACER = Symbol('use the replacer');

/** `v` with every non-finite number replaced by its tag; the same object where nothing changes. */
function tagged(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : tagOf(v);
  if (typeof v !== 'object' || v === null) return v;
  if (ArrayBuffer.isView(v) || typeof (v as { toJSON?: unknown }).toJSON === 'function') throw USE_REPLACER;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const y = tagged(x);
      if (out === undefined && y !== x) out = v.slice(0, i);
      out?.push(y);
    }
    return out ?? v;
  }
  let out: Record<string, unknown> | undefined;
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const x = (v as Record<string, unknown>)[k];
    const y = tagged(x);
    if (out === undefined && y !== x) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j] as string] = (v as Record<string, unknown>)[keys[j] as string];
    }
    if (out !== undefined) out[k] = y;
  }
  return out ?? v;
}

/**
 * JSON that keeps NaN and ±Infinity (as tagged strings); read back with parseJsonExact. The same
 * text as JSON.stringify with a replacer, without calling one per value (10× faster on results).
 */
export function stringifyJsonExact(value: unknown): string {
  try {
    return JSON.stringify(tagged(value));
  } catch (error) {
    if (error !== USE_REPLACER) throw error;
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? tagOf(v) : v));
  }
}

/** Tags back to numbers, in place (on a freshly parsed value). */
function untag(v: unknown): unknown {
  if (typeof v === 'string') return v in NON_FINITE ? NON_FINITE[v] : v;
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = untag(v[i]);
    return v;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== '__proto__') o[k] = untag(o[k]);
  return o;
}

export function parseJsonExact(text: string): unknown {
  const value: unknown = JSON.parse(text);
  return text.includes('\\u0000') ? untag(value) : value;
}

async function writeText(path: string, content: string): Promise<void> {
  try {
    await currentFileSystem().writeFile(path, content);
  } catch (error) {
    throw await explainFsError(error, path, 'write', 'write');
  }
}

/** Write one file atomically (temporary file in the same folder, then rename); creates the folder. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const fs = currentFileSystem();
  await ensureFolder(dirname(path));
  const temp = join(dirname(path), tempName(basename(path)));
  try {
    await writeText(temp, content);
    await renameOrExplain(temp, path, path, 'write');
  } catch (error) {
    await fs.rm(temp, { recursive: false, force: true }).catch(() => {});
    throw isFileSystemError(error) ? error.replacing(temp, path) : error;
  }
}

/** Names of the complete files in a folder (temporary files of interrupted writes are ignored); [] if it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await currentFileSystem().readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw await explainFsError(error, dir, 'list', 'read');
  }
}

export async function readText(path: string): Promise<string> {
  try {
    return await currentFileSystem().readFile(path);
  } catch (error) {
    throw await explainFsError(error, path, 'read', 'read');
  }
}

/** The text of `path`, or null when it does not exist. */
export async function readTextOptional(path: string): Promise<string | null> {
  try {
    return await currentFileSystem().readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw await explainFsError(error, path, 'read', 'read');
  }
}

/** Does `path` exist (as anything)? */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await currentFileSystem().stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw await explainFsError(error, path, 'look at', 'read');
  }
}

/** Create a folder (and its parents) — with the real cause if that fails. */
export async function ensureDir(dir: string): Promise<void> {
  await ensureFolder(dir);
}

/** Write `content` to `path` inside a folder being built (figures of a report); creates the folder. */
export async function writeFileIn(path: string, content: string): Promise<void> {
  await ensureFolder(dirname(path));
  await writeText(path, content);
}

/** Remove a folder of a tapsim work folder (jobs/) before a fresh start. */
export async function removeFolder(dir: string): Promise<void> {
  try {
    await currentFileSystem().rm(dir, { recursive: true, force: true });
  } catch (error) {
    throw await explainFsError(error, dir, 'remove', 'write');
  }
}

/**
 * Make `dir` an empty folder: an existing one is renamed aside (one step, so no reader sees it half
 * removed) and then removed. Used when a run starts over in a folder it may replace (--force).
 */
export async function emptyFolder(dir: string): Promise<void> {
  const fs = currentFileSystem();
  const target = resolve(dir);
  if (await pathExists(target)) {
    const aside = join(dirname(target), `${tempName(basename(target))}.old`);
    await renameOrExplain(target, aside, target, 'replace');
    await fs.rm(aside, { recursive: true, force: true }).catch(() => {});
  }
  await ensureFolder(target);
}
