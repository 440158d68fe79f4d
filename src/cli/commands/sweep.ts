/** `tapsim sweep`: a full-factorial sweep with common random numbers; writes sweep.csv. */
import type { Command } from '../command.js';
import { commonOptions, versionMixOption } from '../options.js';

export const sweepCommand: Command = {
  usage: 'sweep <scenario>',
  describe: 'full-factorial sweep with common random numbers; writes sweep.csv',
  options: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario file' })
      .option('vary', { type: 'string', array: true, requiresArg: true, demandOption: true, describe: 'path=a,b,c or path=start:stop:step (repeat for a full factorial); paths as in --set; path1+path2=… gives several paths one value' })
      .options(commonOptions())
      .option('shard', { type: 'string', requiresArg: true, describe: 'run only shard i of N (i/N) into a partial folder' })
      .option('resume', { type: 'boolean', default: false, describe: 'skip jobs already finished in --out' })
      .option('allow-version-mix', { ...versionMixOption, describe: 'with --resume: finish a folder started by another tapsim version or build' }),
  interruptible: true,
  run: async (args, io, signal, state) => (await import('./sweep-run.js')).executeSweep(args, io, signal, state),
};
