/** `tapsim merge`: combine partial folders (--shard) into the unsharded result. */
import { sep } from 'node:path';
import { checkOutDir } from '../../report/write.js';
import { ExperimentInputError } from '../../orchestrate/shard.js';
import { mergeFolders } from '../../orchestrate/merge.js';
import type { Command } from '../command.js';
import { checkOutFlag, flagError } from '../flags.js';
import { abs } from '../io.js';
import { forceOption, outOption, versionMixOption } from '../options.js';
import { noteStaleTemps } from '../out-dir.js';

export const mergeCommand: Command = {
  usage: 'merge <dirs..>',
  describe: 'combine partial folders (--shard) into the unsharded result',
  options: (y) =>
    y.positional('dirs', { type: 'string', array: true, describe: 'partial folders' }).option('out', { ...outOption, demandOption: true, describe: 'output folder' }).option('force', forceOption).option('allow-version-mix', versionMixOption),
  interruptible: true,
  run: async (args, io, signal) => {
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
      outcome = await mergeFolders(dirs, outDir, { signal, ...(args.allowVersionMix === true ? { allowVersionMix: true } : {}) });
    } catch (error) {
      if (error instanceof ExperimentInputError) throw rel(error);
      throw error;
    }
    io.stdout(`wrote ${args.out as string}: merged ${dirs.length} folder(s) into a ${outcome.kind} folder, fingerprint ${(outcome.kind === 'run' ? outcome.runJson.fingerprint : outcome.sweepJson.fingerprint).slice(0, 16)}\n`);
    return 0;
  },
};
