/** Temporary folders and files left by interrupted runs: found, and removed when their process is gone. */
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { currentFileSystem } from './file-system.js';
import { RESULT_MARKERS } from './out-dir.js';
import { tempOwner } from './temp-names.js';

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
