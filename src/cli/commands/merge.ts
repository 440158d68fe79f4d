/** `tapsim merge`: combine partial folders (--shard) into the unsharded result. */
import type { Command } from '../command.js';
import { forceOption, outOption, versionMixOption } from '../options.js';

export const mergeCommand: Command = {
  usage: 'merge <dirs..>',
  describe: 'combine partial folders (--shard) into the unsharded result',
  options: (y) =>
    y.positional('dirs', { type: 'string', array: true, describe: 'partial folders' }).option('out', { ...outOption, demandOption: true, describe: 'output folder' }).option('force', forceOption).option('allow-version-mix', versionMixOption),
  interruptible: true,
  run: async (args, io, signal) => (await import('./merge-run.js')).executeMerge(args, io, signal),
};
