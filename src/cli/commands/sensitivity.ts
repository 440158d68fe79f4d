/** `tapsim sensitivity`: which [E] parameters decide the band comparison (a tornado of RCC − NFC). */
import type { Command } from '../command.js';
import { commonOptions } from '../options.js';

export const sensitivityCommand: Command = {
  usage: 'sensitivity <scenario>',
  describe: 'band comparison (13.56MHz vs 2.45GHz) at each [E] parameter\'s low and high value: sensitivity.csv and a tornado figure',
  options: (y) => y.positional('scenario', { type: 'string', describe: 'scenario file' }).options(commonOptions()),
  interruptible: true,
  run: async (args, io, signal) => (await import('./sensitivity-run.js')).executeSensitivity(args, io, signal),
};
