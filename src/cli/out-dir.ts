/** Where a run, sweep, comparison or sizing writes: --out or a fresh default folder under results/. */
import { sep } from 'node:path';
import { ScenarioError } from '../scenario/errors.js';
import { checkOutDir, cleanStaleTemps, pathExists } from '../report/write.js';
import { defaultRunDir } from '../orchestrate/run-scenario.js';
import { flagError } from './flags.js';
import { abs, type CliIo } from './io.js';
import type { Parsed } from './options.js';

/**
 * The output folder of a run, sweep, comparison or sizing: --out, or a default folder under
 * results/ that never collides (a numbered sibling when the stamped name exists). An existing
 * --out folder needs --force (or --resume for an unfinished one). Stale temporary folders of
 * earlier runs into the same place are removed (or named) here.
 */
export async function resolveOutDir(args: Parsed, io: CliIo, file: string, name: string, seed: number, prefix: string): Promise<string> {
  let outDir = abs(io, args.out ?? defaultRunDir(name, seed, new Date(), prefix));
  if (args.out === undefined) {
    const resultsRoot = abs(io, 'results') + sep;
    if (!outDir.startsWith(resultsRoot)) throw new ScenarioError([{ file, line: 0, col: 0, path: 'name', message: 'scenario name would write outside results/' }]);
    const stamped = outDir;
    for (let n = 2; await pathExists(outDir); n++) outDir = `${stamped}-${n}`;
  }
  const check = await checkOutDir(outDir, args.force === true, { keepResults: true, resume: args.resume === true });
  if (!check.ok) throw flagError('--out', check.message);
  await noteStaleTemps(io, outDir, args.out === undefined);
  return outDir;
}

export async function noteStaleTemps(io: CliIo, outDir: string, siblings = false): Promise<void> {
  const base = abs(io, '.') + sep;
  const rel = (p: string): string => (p.startsWith(base) ? p.slice(base.length) : p);
  const stale = await cleanStaleTemps(outDir, { siblings });
  for (const p of stale.removed) io.stderr(`tapsim: removed ${rel(p)}, left by an interrupted run\n`);
  for (const k of stale.kept) io.stderr(`tapsim: note: kept ${rel(k.path)}: ${k.reason}\n`);
}
