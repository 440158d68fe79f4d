/** The work of `tapsim merge`, loaded only when the command runs. */
import { sep } from 'node:path';
import { checkOutDir } from '../../report/write.js';
import { ExperimentInputError } from '../../orchestrate/shard.js';
import { mergeFolders } from '../../orchestrate/merge.js';
import { mergeStudies } from '../../orchestrate/study-merge.js';
import { pathExists } from '../../report/write.js';
import { join } from 'node:path';
import { checkOutFlag, flagError } from '../flags.js';
import { abs, type CliIo } from '../io.js';
import { noteStaleTemps } from '../out-dir.js';
import type { Parsed } from '../options.js';

/** Runs `tapsim merge` (the command line is in merge.ts). */
export async function executeMerge(args: Parsed, io: CliIo, signal: AbortSignal): Promise<number> {
  checkOutFlag(args);
  const dirs = (args.dirs ?? []).map((d) => abs(io, d));
  const outDir = abs(io, args.out as string);
  const check = await checkOutDir(outDir, args.force === true, { keepResults: true });
  if (!check.ok) throw flagError('--out', check.message);
  await noteStaleTemps(io, outDir);
  const rel = (error: ExperimentInputError): ExperimentInputError => {
    const base = abs(io, '.') + sep;
    return new ExperimentInputError(error.flag.startsWith(base) ? error.flag.slice(base.length) : error.flag, error.message.split(base).join(''));
  };
  let outcome;
  try {
    if (dirs[0] !== undefined && (await pathExists(join(dirs[0], 'study.json')))) {
      const study = await mergeStudies(dirs, outDir, { signal, ...(args.allowVersionMix === true ? { allowVersionMix: true } : {}) });
      io.stdout(`wrote ${args.out as string}: merged ${dirs.length} study shard(s) into a study folder: ${study.experiments.length} experiment(s), report ${args.out as string}/index.html\n`);
      return 0;
    }
    outcome = await mergeFolders(dirs, outDir, { signal, ...(args.allowVersionMix === true ? { allowVersionMix: true } : {}) });
  } catch (error) {
    if (error instanceof ExperimentInputError) throw rel(error);
    throw error;
  }
  io.stdout(`wrote ${args.out as string}: merged ${dirs.length} folder(s) into a ${outcome.kind} folder, fingerprint ${(outcome.kind === 'run' ? outcome.runJson.fingerprint : outcome.sweepJson.fingerprint).slice(0, 16)}\n`);
  return 0;
}
