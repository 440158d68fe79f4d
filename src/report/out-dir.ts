/** May a command write to a folder? The markers of folders tapsim wrote, and the check made before a run. */
import { join } from 'node:path';
import { currentFileSystem, explainFsError, type FileInfo } from './file-system.js';
import { listFiles } from './files.js';

/** Files that mark a folder tapsim wrote (a run, sweep, comparison, sizing, study, field maps, or a partial/work folder). */
export const RUN_FOLDER_MARKERS = ['run.json', 'sweep.json', 'compare.json', 'size.json', 'study.json', 'partial.json', 'field.json'] as const;
/** Markers of a finished result folder (every marker but partial.json). */
export const RESULT_MARKERS = RUN_FOLDER_MARKERS.filter((m) => m !== 'partial.json');

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
