/** `tapsim compare`: a paired comparison with common random numbers. */
import type { Command } from '../command.js';
import { commonOptions } from '../options.js';

export const compareCommand: Command = {
  usage: 'compare <scenario>',
  describe: 'paired comparison with common random numbers',
  options: (y) =>
    y.positional('scenario', { type: 'string', describe: 'scenario file' }).option('bands', { type: 'boolean', default: false, describe: 'compare every reader on 13.56MHz only, 2.45GHz RCC only, and dual' }).options(commonOptions()),
  interruptible: true,
  run: async (args, io, signal) => (await import('./compare-run.js')).executeCompare(args, io, signal),
};
