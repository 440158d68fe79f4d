/**
 * The only module that writes files (DESIGN §2): run folders, written atomically — every file
 * goes into a temporary folder beside the target, which is then renamed into place — and the
 * summary.csv writer with a fixed column order and fixed number formatting (DESIGN §4.11).
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { stringify as stringifyStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';

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

/** Result of checking a target folder before a run (nothing is written). */
export type OutDirCheck = { ok: true; replaces: 'nothing' | 'empty-folder' | 'run-folder' | 'forced' } | { ok: false; message: string };

/**
 * May a run write to `dir`? A missing or empty folder is fine; an existing run folder (it holds
 * run.json) is replaced; any other existing folder or file is refused unless `force`.
 */
export async function checkOutDir(dir: string, force: boolean): Promise<OutDirCheck> {
  let info;
  try {
    info = await stat(dir);
  } catch {
    return { ok: true, replaces: 'nothing' };
  }
  if (!info.isDirectory()) return force ? { ok: true, replaces: 'forced' } : { ok: false, message: `${dir} exists and is not a folder (use --force to replace it)` };
  const entries = await readdir(dir);
  if (entries.length === 0) return { ok: true, replaces: 'empty-folder' };
  if (RUN_FOLDER_MARKERS.some((m) => entries.includes(m))) return { ok: true, replaces: 'run-folder' };
  return force ? { ok: true, replaces: 'forced' } : { ok: false, message: `${dir} exists and is not a tapsim run folder (no run.json); refusing to replace it (use --force)` };
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

async function openCsvFile(path: string, header: readonly string[]): Promise<CsvSink> {
  const file = createWriteStream(path, { encoding: 'utf8' });
  const csv = stringifyStream({ record_delimiter: '\n' });
  csv.pipe(file);
  let failure: Error | undefined;
  const onError = (error: Error): void => {
    failure ??= error;
  };
  csv.on('error', onError);
  file.on('error', onError);
  const sink: CsvSink = {
    async write(row) {
      if (failure !== undefined) throw failure;
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
        });
      }
    },
    async end() {
      csv.end();
      await finished(file);
      if (failure !== undefined) throw failure;
    },
  };
  await sink.write(header);
  return sink;
}

/**
 * Build the folder `dir` atomically: `fill` writes into a temporary folder in the same parent,
 * which is then renamed to `dir`. An existing `dir` is moved aside first and removed after the
 * rename (callers check it with `checkOutDir`). If `fill` throws (an error, an abort) the
 * temporary folder is removed and `dir` is left as it was: nothing half-written.
 */
export async function writeFolderAtomic<T>(dir: string, fill: (w: FolderWriter) => Promise<T>): Promise<T> {
  const target = resolve(dir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const temp = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  const open: CsvSink[] = [];
  try {
    const writer: FolderWriter = {
      path: temp,
      async writeFile(name, content) {
        checkName(name);
        await writeFile(join(temp, name), content, 'utf8');
      },
      async openCsv(name, header) {
        checkName(name);
        const sink = await openCsvFile(join(temp, name), header);
        open.push(sink);
        return sink;
      },
    };
    const value = await fill(writer);
    let aside: string | undefined;
    try {
      await stat(target);
      aside = `${temp}.old`;
      await rename(target, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await rename(temp, target);
    if (aside !== undefined) await rm(aside, { recursive: true, force: true });
    return value;
  } catch (error) {
    await Promise.allSettled(open.map((s) => s.end()));
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

// ------------------------------------------------------------------ work folders (jobs/)

/** Non-finite numbers survive JSON as tagged strings. */
const NON_FINITE: Record<string, number> = { '\u0000NaN': NaN, '\u0000Inf': Infinity, '\u0000-Inf': -Infinity };

/** JSON that keeps NaN and ±Infinity (as tagged strings); read back with parseJsonExact. */
export function stringifyJsonExact(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? '\u0000NaN' : v > 0 ? '\u0000Inf' : '\u0000-Inf';
    return v;
  });
}

export function parseJsonExact(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v] : v));
}

/** Write one file atomically (temporary file in the same folder, then rename); creates the folder. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.tmp-${randomUUID()}`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Names of the complete files in a folder (temporary files of interrupted writes are ignored); [] if it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/** Remove a folder of a tapsim work folder (jobs/) before a fresh start. */
export async function removeFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
