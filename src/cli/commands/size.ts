/** `tapsim size`: the smallest integer value of a path meeting a service level with 95% confidence. */
import type { Command } from '../command.js';
import { commonOptions } from '../options.js';

export const sizeCommand: Command = {
  usage: 'size <scenario>',
  describe: 'smallest integer value of a path meeting a service level with 95% confidence',
  options: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario file' })
      .option('vary', { type: 'string', array: true, requiresArg: true, demandOption: true, describe: 'path=lo:hi (integers)' })
      .option('slo', { type: 'string', requiresArg: true, demandOption: true, describe: '"metric<=value" or "metric>=value"' })
      .option('max-replications', { type: 'string', requiresArg: true, describe: 'cap on replications per value (default 30)' })
      .options(commonOptions()),
  interruptible: true,
  run: async (args, io, signal) => (await import('./size-run.js')).executeSize(args, io, signal),
};
