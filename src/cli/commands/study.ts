/** `tapsim study`: every experiment of a file's `experiments:` section into one folder with one report. */
import type { Command } from '../command.js';
import { commonOptions, versionMixOption } from '../options.js';

export const studyCommand: Command = {
  usage: 'study <scenario>',
  describe: "run every experiment of the file's experiments: section (sweeps, band comparisons, sizing) into one folder with one report",
  options: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario file with an experiments: section' })
      .options(commonOptions())
      .option('shard', { type: 'string', requiresArg: true, describe: 'run only shard i of N (i/N): its share of every sweep, and the comparisons and sizings it owns (index mod N); combine with tapsim merge' })
      .option('resume', { type: 'boolean', default: false, describe: 'skip what is already finished in --out (jobs of sweeps, finished experiments)' })
      .option('allow-version-mix', { ...versionMixOption, describe: 'with --resume: finish a folder started by another tapsim version or build' }),
  interruptible: true,
  run: async (args, io, signal, state) => (await import('./study-run.js')).executeStudy(args, io, signal, state),
};
