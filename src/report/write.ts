/**
 * The only module that writes files (DESIGN §2): run folders, written atomically — every file
 * goes into a temporary folder beside the target, which is then renamed into place — and the
 * summary.csv writer with a fixed column order and fixed number formatting (DESIGN §4.11).
 */
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
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
  if (entries.includes('run.json')) return { ok: true, replaces: 'run-folder' };
  return force ? { ok: true, replaces: 'forced' } : { ok: false, message: `${dir} exists and is not a tapsim run folder (no run.json); refusing to replace it (use --force)` };
}

/**
 * Write `files` (name → content) as the folder `dir`, atomically: the files are written into a
 * temporary folder in the same parent, which is renamed to `dir`. An existing `dir` is moved
 * aside first and removed after the rename (callers check it with `checkOutDir`).
 */
export async function writeRunFolder(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  const target = resolve(dir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const temp = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  try {
    for (const [name, content] of Object.entries(files)) {
      if (name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error(`bad file name ${name}`);
      await writeFile(join(temp, name), content, 'utf8');
    }
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
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
